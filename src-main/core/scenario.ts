import type { PriceEntry } from '#api/snapshot';
import { type Dec, HUNDRED, ONE, ZERO, dec, decStr, maxDec } from '#shared/decimal';

// Stress test (docs/formulas.md "Scenario"): shock prices by a percent per asset, then the caller
// recomputes the Snapshot at the shocked prices. Nothing is stored.

/** A price moved by a percent; a fall past −100 % floors at 0. */
export function shockPrice(usd: Dec, shockPct: Dec | string): Dec {
  // A shock of p % multiplies the price by (1 + p/100).
  return maxDec(usd.mul(ONE.plus(dec(shockPct).div(HUNDRED))), ZERO);
}

/**
 * The prices map with each named asset shocked. Assets without a price are left out (there
 * is nothing to shock); asset symbols match case-insensitively.
 */
export function applyShocks(
  prices: Readonly<Record<string, PriceEntry>>,
  shocksPct: Readonly<Record<string, string>>,
): Record<string, PriceEntry> {
  const shocked: Record<string, PriceEntry> = { ...prices };
  for (const [asset, pct] of Object.entries(shocksPct)) {
    const key = Object.keys(prices).find((k) => k.toUpperCase() === asset.toUpperCase());
    const entry = key === undefined ? undefined : prices[key];
    if (key === undefined || entry === undefined) continue;
    shocked[key] = { ...entry, usd: decStr(shockPrice(dec(entry.usd), pct)) };
  }
  return shocked;
}
