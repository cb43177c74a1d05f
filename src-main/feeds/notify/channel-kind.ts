import type { Channel, ChannelKind } from '#api/notification-channel';
import type { Severity } from '#shared/severity';
import { DEFAULT_FEED_TIMEOUT_MS, excerpt, parseRetryAfter } from '../http-client';
import { type ScheduleTimer, scheduleWithUnref } from '../timers';

// One file per channel kind (ntfy.ts, pushover.ts, …), each made with defineChannelKind:
// how a message is sent, and for Pushover how its acknowledgement receipt is read. Every
// request has one deadline and a capped reply; every error sentence passes through
// `scrub`, so a token in a URL or an echoing server never reaches a log or the Settings page.

/** What a channel sends: the same for every kind (docs/notifications.md "Messages"). */
export interface OutgoingMessage {
  id: string;
  alertId: string | null;
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  raisedAt: string;
  repeat: number;
  /** The dashboard address the operator set, if any. */
  link: string | null;
}

export interface SendContext {
  fetch: typeof fetch;
  now(): Date;
  timeoutMs?: number;
  deadlineTimer?: ScheduleTimer;
}

export type SendOutcome =
  { ok: true; receipt?: string } | { ok: false; error: string; retryAfterSec?: number };

export type ChannelOf<K extends ChannelKind> = Extract<Channel, { kind: K }>;

export interface ChannelKindDefinition<K extends ChannelKind> {
  kind: K;
  /** How the operator knows it: "ntfy", "Pushover". */
  label: string;
  send(
    channel: ChannelOf<K>,
    secrets: Record<string, string>,
    message: OutgoingMessage,
    ctx: SendContext,
  ): Promise<SendOutcome>;
  /** Pushover: whether the person acknowledged the emergency message with this receipt. */
  receiptAcknowledged?(
    channel: ChannelOf<K>,
    secrets: Record<string, string>,
    receipt: string,
    ctx: SendContext,
  ): Promise<boolean | { error: string }>;
  /** Pushover: stops the phone repeating an emergency message acknowledged elsewhere. */
  cancelReceipt?(
    channel: ChannelOf<K>,
    secrets: Record<string, string>,
    receipt: string,
    ctx: SendContext,
  ): Promise<void>;
}

export function defineChannelKind<K extends ChannelKind>(
  definition: ChannelKindDefinition<K>,
): ChannelKindDefinition<K> {
  return definition;
}

/** Replaces every secret value in a sentence (an error, an echoed reply) with "•••". */
export function scrub(text: string, secrets: Record<string, string>): string {
  let out = text;
  for (const value of Object.values(secrets)) {
    if (value.length >= 3) out = out.split(value).join('•••');
    const encoded = encodeURIComponent(value);
    if (encoded !== value && encoded.length >= 3) out = out.split(encoded).join('•••');
  }
  return out;
}

/** Replies from these services are tiny; anything larger is a wrong address. */
const MAX_REPLY_BYTES = 64_000;

export interface HttpReply {
  status: number;
  text: string;
  retryAfterSec?: number;
}

/** One request with a deadline; a reply over 64 kB is cut off. Errors name the channel, never the URL. */
export async function request(
  label: string,
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  ctx: SendContext,
): Promise<HttpReply | { error: string }> {
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const deadline = new AbortController();
  const cancel = (ctx.deadlineTimer ?? scheduleWithUnref)(() => deadline.abort(), timeoutMs);
  try {
    const response = await ctx.fetch(url, { ...init, signal: deadline.signal, redirect: 'error' });
    const buffer = new Uint8Array(await response.arrayBuffer()).slice(0, MAX_REPLY_BYTES);
    const reply: HttpReply = { status: response.status, text: new TextDecoder().decode(buffer) };
    const retryAfterSec = parseRetryAfter(response.headers.get('retry-after'), ctx.now());
    return retryAfterSec === undefined ? reply : { ...reply, retryAfterSec };
  } catch (error) {
    if (deadline.signal.aborted)
      return { error: `${label} did not answer within ${timeoutMs / 1000} s.` };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const code =
      typeof cause === 'object' &&
      cause !== null &&
      'code' in cause &&
      typeof cause.code === 'string'
        ? cause.code
        : 'network error';
    return { error: `${label} could not be reached (${code}).` };
  } finally {
    cancel();
  }
}

/** A reply outside 2xx as an outcome: the status, the service's own words, its Retry-After. */
export function statusOutcome(label: string, reply: HttpReply): SendOutcome {
  const wait =
    reply.retryAfterSec === undefined ? '' : `; it asks us to wait ${reply.retryAfterSec} s`;
  const words = reply.text.trim() === '' ? '' : `: "${excerpt(reply.text, 120)}"`;
  const outcome: SendOutcome = {
    ok: false,
    error: `${label} answered HTTP ${reply.status}${words}${wait}.`,
  };
  return reply.retryAfterSec === undefined
    ? outcome
    : { ...outcome, retryAfterSec: reply.retryAfterSec };
}

export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** The message body every kind shows: the sentence, then the dashboard link. */
export function bodyText(message: OutgoingMessage): string {
  return message.link === null ? message.message : `${message.message}\n${message.link}`;
}
