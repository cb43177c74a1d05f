import { D, type Dec } from '#shared/decimal';
import type { Settings } from '#api/records';

// Shared plumbing for every price and chain source: one HTTP GET with a deadline,
// every way a reply can go wrong turned into a typed failure, and a safe price reader.

export type SourceSettings = Settings['sources']['coingecko'];

export type FeedFailureKind =
  'http' | 'rate-limited' | 'not-json' | 'bad-reply' | 'timeout' | 'network';

export interface FeedFailure {
  kind: FeedFailureKind;
  /** A sentence for the operator that names the source. */
  message: string;
  /** How long the source asked us to wait (Retry-After), in seconds. */
  retryAfterSec?: number;
}

export interface Quote {
  asset: string;
  usd: Dec;
  source: string;
  /** ISO time the quote was received. */
  at: string;
}

export type QuoteReply = { quotes: Quote[] } | FeedFailure;

export interface FeedContext {
  fetch: typeof fetch;
  now(): Date;
  /** Deadline for one request; 5 s (docs/formulas.md "Chain statistics and rig readings"). */
  timeoutMs?: number;
}

export const DEFAULT_FEED_TIMEOUT_MS = 5000;
/** Longest Retry-After we believe; anything longer is a misconfigured server. */
const MAX_RETRY_AFTER_SEC = 24 * 3600;
/** Replies are a few kB; a huge body is a wrong endpoint, not a price. */
const MAX_BODY_CHARS = 2_000_000;

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

function describeStatus(status: number): string {
  if (status === 451) return 'refuses requests from this region (HTTP 451)';
  if (status === 429) return 'is rate-limiting us (HTTP 429)';
  if (status === 418) return 'has banned this address for too many requests (HTTP 418)';
  if (status >= 500) return `has a server error (HTTP ${status})`;
  return `answered HTTP ${status}`;
}

/** A short, single-line excerpt of a body for a log line. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** GET a URL and return its body text, or the failure that stopped us. */
export async function getText(
  label: string,
  url: string,
  ctx: FeedContext,
  headers: Record<string, string> = {},
): Promise<{ text: string } | FeedFailure> {
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  try {
    const response = await ctx.fetch(url, {
      headers: { accept: 'application/json', ...headers },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const text = await response.text();
    if (!response.ok) {
      const retryAfterSec = parseRetryAfter(response.headers.get('retry-after'), ctx.now());
      const rateLimited = response.status === 429 || response.status === 418;
      const wait = retryAfterSec === undefined ? '' : `; it asks us to wait ${retryAfterSec} s`;
      return failure(
        rateLimited ? 'rate-limited' : 'http',
        `${label} ${describeStatus(response.status)}${wait}.`,
        retryAfterSec,
      );
    }
    if (text.length > MAX_BODY_CHARS) {
      return failure(
        'bad-reply',
        `${label} sent a reply far too large to be a price (${text.length} characters).`,
      );
    }
    return { text };
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return failure('timeout', `${label} did not answer within ${timeoutMs / 1000} s.`);
    }
    const cause = error instanceof Error ? describeNetworkError(error) : String(error);
    return failure('network', `${label} could not be reached (${cause}).`);
  }
}

function describeNetworkError(error: Error): string {
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ` : '';
    return `${code}${cause.message}`;
  }
  return error.message;
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

/**
 * Reads a number from a parsed reply: a JSON number or a decimal string. Returns null for
 * anything that is not a finite value; the caller decides whether zero or less is acceptable.
 * Numbers go through String() first so 67000.1 stays 67000.1 (no binary noise); an exponent
 * form such as 1e-7 is accepted by Decimal, NaN and Infinity are not.
 */
export function readDecimal(value: unknown): Dec | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return new D(String(value));
  }
  if (typeof value === 'string' && /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(value.trim())) {
    const parsed = new D(value.trim());
    return parsed.isFinite() ? parsed : null;
  }
  return null;
}

/** A price must be a finite number greater than zero. */
export function readPrice(value: unknown): Dec | null {
  const parsed = readDecimal(value);
  return parsed !== null && parsed.gt(0) ? parsed : null;
}

/**
 * Turns per-asset raw price values into quotes. Any zero, negative or unreadable price fails the
 * whole reply: a source that prints 0 for one coin cannot be trusted for the others either.
 */
export function quotesFromValues(
  label: string,
  source: string,
  values: readonly { asset: string; raw: unknown }[],
  at: string,
): QuoteReply {
  const quotes: Quote[] = [];
  for (const { asset, raw } of values) {
    const usd = readPrice(raw);
    if (usd === null) {
      return failure(
        'bad-reply',
        `${label} gave an impossible ${asset} price (${excerpt(JSON.stringify(raw) ?? 'nothing')}).`,
      );
    }
    quotes.push({ asset, usd, source, at });
  }
  if (quotes.length === 0)
    return failure('bad-reply', `${label} sent no price for any coin we asked about.`);
  return { quotes };
}
