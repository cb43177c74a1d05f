import { type Dec, dec } from '#shared/decimal';
import { dayNumber } from './calendar';

// Realised volatility of a price from its stored history (docs/formulas-risk.md
// "Volatility"): the standard deviation of daily log returns of the UTC daily closes over
// a window of days, annualised with √365 (crypto trades every day of the year).

/** A stored history point: ISO time and a decimal price. */
export type PricePoint = readonly [string, string];

export type VolatilitySource = 'history' | 'default';

export interface VolatilityEstimate {
  /** Annualised volatility in percent. */
  volatilityPct: Dec;
  source: VolatilitySource;
}

export interface DailyClose {
  /** Days since 1970-01-01 (UTC). */
  day: number;
  price: number;
}

/** The last price of each UTC day, oldest first; points must be in time order. */
export function dailyCloses(points: readonly PricePoint[]): DailyClose[] {
  const closes: DailyClose[] = [];
  for (const [at, value] of points) {
    const price = Number(value);
    if (!(price > 0)) continue;
    const day = dayNumber(at.slice(0, 10));
    const last = closes.at(-1);
    if (last !== undefined && last.day === day) last.price = price;
    else closes.push({ day, price });
  }
  return closes;
}

/**
 * Annualised volatility (a fraction) of consecutive closes; null with fewer than two
 * returns. A return over a gap of g days (the app was not running) counts as g days of
 * variance: it is divided by √g, and the mean drift is taken per day.
 */
export function realisedVolatility(closes: readonly DailyClose[]): number | null {
  const returns: { r: number; gap: number }[] = [];
  for (let i = 1; i < closes.length; i++) {
    const gap = closes[i]!.day - closes[i - 1]!.day;
    if (gap > 0) returns.push({ r: Math.log(closes[i]!.price / closes[i - 1]!.price), gap });
  }
  if (returns.length < 2) return null;
  const totalDays = returns.reduce((sum, x) => sum + x.gap, 0);
  const driftPerDay = returns.reduce((sum, x) => sum + x.r, 0) / totalDays;
  // docs/formulas-risk.md "Volatility": s² = Σ (rᵢ − μ·gᵢ)²/gᵢ / (n − 1); σ = s·√365.
  const squares = returns.reduce((sum, x) => sum + (x.r - driftPerDay * x.gap) ** 2 / x.gap, 0);
  return Math.sqrt(squares / (returns.length - 1)) * Math.sqrt(365);
}

/**
 * σ for the Snapshot of `asOfDay`: from the closes of the `windowDays` whole days before it
 * when the history reaches back to the close before the window (so it is known for the
 * whole day and the same all day), else the operator's default. A price that never moved
 * in the window (a manual price held) tells nothing about its volatility: default too.
 */
export function volatilityEstimate(args: {
  points: readonly PricePoint[];
  asOfDay: string;
  windowDays: number;
  defaultVolatilityPct: string;
}): VolatilityEstimate {
  const today = dayNumber(args.asOfDay);
  const start = today - args.windowDays - 1;
  const closes = dailyCloses(args.points).filter((c) => c.day < today);
  const firstInWindow = closes.findIndex((c) => c.day > start);
  const fallback: VolatilityEstimate = {
    volatilityPct: dec(args.defaultVolatilityPct),
    source: 'default',
  };
  // The close on or before the window's first day opens the first return.
  if (firstInWindow <= 0) return fallback;
  const sigma = realisedVolatility(closes.slice(firstInWindow - 1));
  if (sigma === null || !(sigma > 0)) return fallback;
  return { volatilityPct: dec(sigma * 100).toDecimalPlaces(4), source: 'history' };
}
