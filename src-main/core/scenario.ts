import type { PriceEntry } from '#api/snapshot';
import { type Dec, HUNDRED, ONE, ZERO, dec, decStr, maxDec } from '#shared/decimal';
import { isUsdLike } from './prices';

// Stress test (docs/formulas.md "Scenario"): shock prices by a percent per asset, then the caller
// recomputes the Snapshot at the shocked prices. Nothing is stored.

/** A price moved by a percent; a fall past −100 % floors at 0. */
export function shockPrice(usd: Dec, shockPct: Dec | string): Dec {
  // A shock of p % multiplies the price by (1 + p/100).
  return maxDec(usd.mul(ONE.plus(dec(shockPct).div(HUNDRED))), ZERO);
}

/** A stablecoin at its 1:1 peg, for a depeg shock (scenario only; never stored). */
function pegEntry(at: string): PriceEntry {
  return {
    usd: '1',
    source: 'peg',
    at,
    stale: false,
    manual: false,
    disputed: false,
    ageSec: 0,
  };
}

/**
 * The prices map with each named asset shocked. A stablecoin (USDT, USDC) without a price
 * is shocked from its 1:1 peg, so a depeg is a shock like any other; other assets without
 * a price are left out (there is nothing to shock). USD itself is the unit and never moves.
 * Asset symbols match case-insensitively.
 */
export function applyShocks(
  prices: Readonly<Record<string, PriceEntry>>,
  shocksPct: Readonly<Record<string, string>>,
): Record<string, PriceEntry> {
  const shocked: Record<string, PriceEntry> = { ...prices };
  const at = Object.values(prices)[0]?.at ?? new Date(0).toISOString();
  for (const [asset, pct] of Object.entries(shocksPct)) {
    const found = Object.keys(prices).find((k) => k.toUpperCase() === asset.toUpperCase());
    const stable = isUsdLike(asset) && asset.toUpperCase() !== 'USD';
    const key = found ?? (stable ? asset.toUpperCase() : undefined);
    const entry = key === undefined ? undefined : (prices[key] ?? pegEntry(at));
    if (key === undefined || entry === undefined) continue;
    shocked[key] = { ...entry, usd: decStr(shockPrice(dec(entry.usd), pct)) };
  }
  return shocked;
}
