import { describe, expect, it } from 'vitest';
import { feedStatusSchema } from '#api/methods';
import {
  type PenaltyBook,
  feedStatusRows,
  isSkipped,
  recordFailure,
  recordSuccess,
} from './penalties';

const T0 = new Date('2025-06-01T12:00:00Z');
const at = (sec: number) => new Date(T0.getTime() + sec * 1000);
const http500 = { kind: 'http' as const, message: 'Binance has a server error (HTTP 500).' };

describe('penalties for failing sources', () => {
  it('five failures in a row skip a source for 30 minutes', () => {
    let book: PenaltyBook = {};
    for (let i = 0; i < 4; i++) book = recordFailure(book, 'binance', http500, at(i * 60));
    expect(isSkipped(book, 'binance', at(241))).toBe(false);
    book = recordFailure(book, 'binance', http500, at(300));
    expect(book.binance?.skippedUntil).toBe(at(300 + 1800).toISOString());
    expect(isSkipped(book, 'binance', at(300 + 1799))).toBe(true);
    expect(isSkipped(book, 'binance', at(300 + 1800))).toBe(false);
  });

  it('a success clears the count and the skip', () => {
    let book: PenaltyBook = {};
    for (let i = 0; i < 5; i++) book = recordFailure(book, 'kraken', http500, at(i));
    book = recordSuccess(book, 'kraken', at(10));
    expect(book.kraken).toEqual({
      consecutiveFailures: 0,
      lastSuccessAt: at(10).toISOString(),
      lastError: null,
      skippedUntil: null,
    });
  });

  it('honours Retry-After from the first failure', () => {
    const book = recordFailure(
      {},
      'coingecko',
      { kind: 'rate-limited', message: 'CoinGecko is rate-limiting us.', retryAfterSec: 120 },
      T0,
    );
    expect(isSkipped(book, 'coingecko', at(119))).toBe(true);
    expect(isSkipped(book, 'coingecko', at(120))).toBe(false);
  });

  it('a long Retry-After outlasts the 30-minute skip', () => {
    let book: PenaltyBook = {};
    for (let i = 0; i < 4; i++) book = recordFailure(book, 'binance', http500, T0);
    book = recordFailure(book, 'binance', { ...http500, retryAfterSec: 3600 }, T0);
    expect(book.binance?.skippedUntil).toBe(at(3600).toISOString());
  });

  it('status rows follow the contract and name the source and its last error', () => {
    let book: PenaltyBook = recordSuccess({}, 'mempool', T0);
    book = recordFailure(book, 'binance', http500, T0);
    const rows = feedStatusRows(
      book,
      [
        { source: 'binance', enabled: true },
        { source: 'mempool', enabled: true },
        { source: 'kraken', enabled: false },
      ],
      at(1),
    );
    for (const row of rows) expect(feedStatusSchema.parse(row)).toEqual(row);
    expect(rows[0]).toMatchObject({
      source: 'binance',
      ok: false,
      consecutiveFailures: 1,
      lastError: http500.message,
      skippedUntil: null,
    });
    expect(rows[1]).toMatchObject({ source: 'mempool', ok: true, lastSuccessAt: T0.toISOString() });
    expect(rows[2]).toMatchObject({
      source: 'kraken',
      enabled: false,
      ok: false,
      lastSuccessAt: null,
    });
  });
});
