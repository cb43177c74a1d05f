import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelayMs } from './delivery';

// Retry backoff (docs/notifications.md "Delivery"): 5 s, 10 s, 20 s … capped at 5 min,
// and never sooner than the Retry-After the service asked for.

describe('retry delay', () => {
  it('doubles from 5 s up to 5 min', () => {
    expect([1, 2, 3, 4, 7, 20].map((n) => retryDelayMs(n, undefined) / 1000)).toEqual([
      5, 10, 20, 40, 300, 300,
    ]);
  });

  it('waits as long as Retry-After asks, even past the cap', () => {
    expect(retryDelayMs(1, 90)).toBe(90_000);
    expect(retryDelayMs(1, 3600)).toBe(3_600_000);
  });

  it('property: never shorter than the backoff floor or the Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 86_400 }), { nil: undefined }),
        (attempts, retryAfter) => {
          const delay = retryDelayMs(attempts, retryAfter);
          expect(delay).toBeGreaterThanOrEqual(Math.min(FIRST_RETRY_MS, MAX_RETRY_MS));
          expect(delay).toBeGreaterThanOrEqual((retryAfter ?? 0) * 1000);
        },
      ),
    );
  });
});
