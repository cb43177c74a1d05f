import { type ScheduleTimer, scheduleWithUnref } from './timers';

// The HTTP client every price and chain source goes through: one GET with a total deadline,
// a reply read as a stream and abandoned at the size limit, and every way a reply can go
// wrong turned into a typed failure whose sentence names the source.

export type FeedFailureKind =
  'http' | 'rate-limited' | 'not-json' | 'bad-reply' | 'too-large' | 'timeout' | 'network';

export interface FeedFailure {
  kind: FeedFailureKind;
  /** A sentence for the operator that names the source. */
  message: string;
  /** How long the source asked us to wait (Retry-After), in seconds. */
  retryAfterSec?: number;
}

export interface FeedContext {
  fetch: typeof fetch;
  now(): Date;
  /**
   * Total deadline for one request, answer and whole reply included; 5 s
   * (docs/formulas.md "Chain statistics and rig readings").
   */
  timeoutMs?: number;
  /** Starts the deadline; defaults to setTimeout. Tests fire it by hand. */
  deadlineTimer?: ScheduleTimer;
  /** Largest reply read, in bytes; a longer one is abandoned where the limit falls. */
  maxReplyBytes?: number;
}

export const DEFAULT_FEED_TIMEOUT_MS = 5000;
/** Replies are a few kB; a huge body is a wrong endpoint, not a price. */
export const MAX_REPLY_BYTES = 2_000_000;
/** Longest Retry-After we believe; anything longer is a misconfigured server. */
const MAX_RETRY_AFTER_SEC = 24 * 3600;

export function isFailure(value: object): value is FeedFailure {
  return 'kind' in value && 'message' in value;
}

export function failure(
  kind: FeedFailureKind,
  message: string,
  retryAfterSec?: number,
): FeedFailure {
  return retryAfterSec === undefined ? { kind, message } : { kind, message, retryAfterSec };
}

/** Base URL from settings + a path, keeping any path prefix of the base (a proxy). */
export function sourceUrl(baseUrl: string, pathAndQuery: string): string {
  return baseUrl.replace(/\/+$/, '') + pathAndQuery;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) {
    seconds = Number(trimmed);
  } else {
    const when = Date.parse(trimmed);
    if (Number.isNaN(when)) return undefined;
    seconds = Math.ceil((when - now.getTime()) / 1000);
  }
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SEC);
}

/** A short, single-line excerpt of a body for a log line. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function describeStatus(status: number): string {
  if (status === 451) return 'refuses requests from this region (HTTP 451)';
  if (status === 429) return 'is rate-limiting us (HTTP 429)';
  if (status === 418) return 'has banned this address for too many requests (HTTP 418)';
  if (status >= 500) return `has a server error (HTTP ${status})`;
  return `answered HTTP ${status}`;
}

function statusFailure(label: string, response: Response, now: Date): FeedFailure {
  const retryAfterSec = parseRetryAfter(response.headers.get('retry-after'), now);
  const rateLimited = response.status === 429 || response.status === 418;
  const wait = retryAfterSec === undefined ? '' : `; it asks us to wait ${retryAfterSec} s`;
  return failure(
    rateLimited ? 'rate-limited' : 'http',
    `${label} ${describeStatus(response.status)}${wait}.`,
    retryAfterSec,
  );
}

function describeNetworkError(error: Error): string {
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ` : '';
    return `${code}${cause.message}`;
  }
  return error.message;
}

/** Reads the body chunk by chunk; null once it passes maxBytes (the rest is never read). */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number) {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** GET a URL and return its body text, or the failure that stopped us. */
export async function getText(
  label: string,
  url: string,
  ctx: FeedContext,
  headers: Record<string, string> = {},
): Promise<{ text: string } | FeedFailure> {
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const maxBytes = ctx.maxReplyBytes ?? MAX_REPLY_BYTES;
  const tooLarge = failure(
    'too-large',
    `${label} sent a reply larger than ${maxBytes.toLocaleString('en-US')} bytes, far too large to be a price; it was abandoned unread.`,
  );
  // One deadline for the whole exchange: a server that drips its reply is cut off too.
  const deadline = new AbortController();
  const cancelDeadline = (ctx.deadlineTimer ?? scheduleWithUnref)(
    () => deadline.abort(),
    timeoutMs,
  );
  let answered = false;
  try {
    const response = await ctx.fetch(url, {
      headers: { accept: 'application/json', ...headers },
      signal: deadline.signal,
      redirect: 'error',
    });
    answered = true;
    if (!response.ok) {
      await response.body?.cancel();
      return statusFailure(label, response, ctx.now());
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) {
      await response.body?.cancel();
      return tooLarge;
    }
    const text = response.body === null ? '' : await readCapped(response.body, maxBytes);
    return text === null ? tooLarge : { text };
  } catch (error) {
    if (deadline.signal.aborted) {
      const what = answered ? 'did not finish its reply' : 'did not answer';
      return failure('timeout', `${label} ${what} within ${timeoutMs / 1000} s.`);
    }
    const cause = error instanceof Error ? describeNetworkError(error) : String(error);
    return failure('network', `${label} could not be reached (${cause}).`);
  } finally {
    cancelDeadline();
  }
}

/** GET a URL and parse its body as JSON; an HTML error page is a failure, not a crash. */
export async function getJson(
  label: string,
  url: string,
  ctx: FeedContext,
  headers: Record<string, string> = {},
): Promise<{ json: unknown } | FeedFailure> {
  const reply = await getText(label, url, ctx, headers);
  if (isFailure(reply)) return reply;
  try {
    const json: unknown = JSON.parse(reply.text);
    return { json };
  } catch {
    return failure(
      'not-json',
      `${label} sent something that is not JSON: "${excerpt(reply.text)}".`,
    );
  }
}
