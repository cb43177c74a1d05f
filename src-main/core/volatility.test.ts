import { describe, expect, it } from 'vitest';
import { type PricePoint, dailyCloses, realisedVolatility, volatilityEstimate } from './volatility';

// docs/formulas-risk.md "Volatility".

const DAY_MS = 86_400_000;
const dayIso = (start: string, offset: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + offset * DAY_MS).toISOString();

/** Closes at 23:00 UTC of each day from `start`, one per price. */
function closesFrom(start: string, prices: readonly number[]): PricePoint[] {
  return prices.map((price, i) => [
    new Date(Date.parse(dayIso(start, i)) + 23 * 3_600_000).toISOString(),
    String(price),
  ]);
}

/** Seeded GBM with no drift in the price, daily steps, annual volatility `sigma`. */
function syntheticPrices(days: number, sigma: number, seed: number): number[] {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const sd = sigma / Math.sqrt(365);
  const prices = [60_000];
  for (let i = 1; i <= days; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    prices.push(prices[i - 1]! * Math.exp(-(sd * sd) / 2 + sd * z));
  }
  return prices;
}

describe('daily closes', () => {
  it('keep the last price of each UTC day', () => {
    const closes = dailyCloses([
      ['2026-11-01T08:00:00.000Z', '100'],
      ['2026-11-01T23:00:00.000Z', '101'],
      ['2026-11-02T01:00:00.000Z', '99'],
    ]);
    expect(closes.map((c) => c.price)).toEqual([101, 99]);
  });
});

describe('realised volatility of daily log returns, annualised with √365', () => {
  it('worked example: returns ln 1.1, ln 0.9, ln 1.1', () => {
    const closes = dailyCloses(closesFrom('2026-11-01', [100, 110, 99, 108.9]));
    const r = [Math.log(1.1), Math.log(0.9), Math.log(1.1)];
    const mean = (r[0]! + r[1]! + r[2]!) / 3;
    const s = Math.sqrt(r.reduce((sum, x) => sum + (x - mean) ** 2, 0) / 2);
    // s = 0.115857…, σ = s·√365 = 2.21345… (221.3 %)
    expect(realisedVolatility(closes)).toBeCloseTo(s * Math.sqrt(365), 12);
    expect(realisedVolatility(closes)).toBeCloseTo(2.21345, 5);
  });

  it('recovers the volatility of a synthetic history within 5 %', () => {
    for (const sigma of [0.3, 0.6, 1.2]) {
      const prices = syntheticPrices(3650, sigma, 42 + sigma * 10);
      const estimate = volatilityEstimate({
        points: closesFrom('2016-01-01', prices),
        asOfDay: dayIso('2016-01-01', prices.length).slice(0, 10),
        windowDays: 3640,
        defaultVolatilityPct: '60',
      });
      expect(estimate.source).toBe('history');
      expect(Math.abs(estimate.volatilityPct.toNumber() / 100 / sigma - 1)).toBeLessThan(0.05);
    }
  });

  it('a day with no close counts its return over the gap as that many days of variance', () => {
    const prices = syntheticPrices(400, 0.6, 7);
    const withGaps = closesFrom('2025-01-01', prices).filter((_, i) => i % 5 !== 3);
    const sigma = realisedVolatility(dailyCloses(withGaps));
    expect(sigma).not.toBeNull();
    expect(Math.abs(sigma! / 0.6 - 1)).toBeLessThan(0.1);
  });
});

describe('the volatility a Snapshot uses', () => {
  const prices = syntheticPrices(40, 0.6, 3);
  const points = closesFrom('2026-10-20', prices);
  it('comes from the window of whole days before today when history reaches back far enough', () => {
    const estimate = volatilityEstimate({
      points,
      asOfDay: '2026-11-29',
      windowDays: 30,
      defaultVolatilityPct: '60',
    });
    expect(estimate.source).toBe('history');
    // Today's close (2026-11-29) is not used: σ stays the same all day.
    const withToday = volatilityEstimate({
      points: [...points, ['2026-11-29T10:00:00.000Z', '1000']],
      asOfDay: '2026-11-29',
      windowDays: 30,
      defaultVolatilityPct: '60',
    });
    expect(withToday.volatilityPct.toString()).toBe(estimate.volatilityPct.toString());
  });
  it('is the operator default when history is shorter than the window', () => {
    const estimate = volatilityEstimate({
      points: points.slice(-20),
      asOfDay: '2026-11-29',
      windowDays: 30,
      defaultVolatilityPct: '75',
    });
    expect(estimate).toEqual({ volatilityPct: expect.anything(), source: 'default' });
    expect(estimate.volatilityPct.toString()).toBe('75');
  });
  it('is the default when the price never moved (a manual price held for the window)', () => {
    const flat = closesFrom('2026-10-20', new Array<number>(40).fill(90_000));
    const estimate = volatilityEstimate({
      points: flat,
      asOfDay: '2026-11-29',
      windowDays: 30,
      defaultVolatilityPct: '60',
    });
    expect(estimate.source).toBe('default');
  });
});
