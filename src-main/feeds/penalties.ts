import type { FeedStatus } from '#api/methods';
import type { FeedFailure } from './http-client';

// docs/formulas.md "Chain statistics and rig readings": a source failing 5 times in a row is skipped for 30 min, and a Retry-After is
// honoured. Pure: the time of each outcome comes in as an argument.

export const FAILURES_BEFORE_SKIP = 5;
export const SKIP_AFTER_FAILURES_MS = 30 * 60 * 1000;

export interface SourcePenalty {
  consecutiveFailures: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** ISO time before which scheduled polls leave this source alone. */
  skippedUntil: string | null;
}

export type PenaltyBook = Readonly<Record<string, SourcePenalty>>;

export const CLEAN_PENALTY: SourcePenalty = {
  consecutiveFailures: 0,
  lastSuccessAt: null,
  lastError: null,
  skippedUntil: null,
};

export function penaltyOf(book: PenaltyBook, source: string): SourcePenalty {
  return book[source] ?? CLEAN_PENALTY;
}

export function recordSuccess(book: PenaltyBook, source: string, at: Date): PenaltyBook {
  return {
    ...book,
    [source]: {
      consecutiveFailures: 0,
      lastSuccessAt: at.toISOString(),
      lastError: null,
      skippedUntil: null,
    },
  };
}

export function recordFailure(
  book: PenaltyBook,
  source: string,
  failure: FeedFailure,
  at: Date,
): PenaltyBook {
  const before = penaltyOf(book, source);
  const consecutiveFailures = before.consecutiveFailures + 1;
  const until: number[] = [];
  if (before.skippedUntil !== null) until.push(Date.parse(before.skippedUntil));
  if (consecutiveFailures >= FAILURES_BEFORE_SKIP)
    until.push(at.getTime() + SKIP_AFTER_FAILURES_MS);
  if (failure.retryAfterSec !== undefined) until.push(at.getTime() + failure.retryAfterSec * 1000);
  const latest = until.length === 0 ? null : Math.max(...until);
  return {
    ...book,
    [source]: {
      consecutiveFailures,
      lastSuccessAt: before.lastSuccessAt,
      lastError: failure.message,
      skippedUntil:
        latest !== null && latest > at.getTime() ? new Date(latest).toISOString() : null,
    },
  };
}

/** True while a scheduled poll should leave the source alone (a manual refresh still asks it). */
export function isSkipped(book: PenaltyBook, source: string, at: Date): boolean {
  const { skippedUntil } = penaltyOf(book, source);
  return skippedUntil !== null && Date.parse(skippedUntil) > at.getTime();
}

/** One `feeds.status` row per source, in the order given (label: the name; kind: price). */
export function feedStatusRows(
  book: PenaltyBook,
  sources: readonly (Pick<FeedStatus, 'source' | 'enabled'> &
    Partial<Pick<FeedStatus, 'label' | 'kind'>>)[],
  at: Date,
): FeedStatus[] {
  return sources.map(({ source, label = source, kind = 'price', enabled }) => {
    const penalty = penaltyOf(book, source);
    return {
      source,
      label,
      kind,
      enabled,
      ok: enabled && penalty.lastSuccessAt !== null && penalty.consecutiveFailures === 0,
      lastSuccessAt: penalty.lastSuccessAt,
      lastError: penalty.lastError,
      consecutiveFailures: penalty.consecutiveFailures,
      skippedUntil: isSkipped(book, source, at) ? penalty.skippedUntil : null,
    } satisfies FeedStatus;
  });
}
