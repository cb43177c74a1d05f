import type { Loan, Position, Settings } from '#api/records';
import type { VolatilityTable } from '#core/odds';
import { pricesInUse } from '#core/prices';
import { type VolatilityEstimate, volatilityEstimate } from '#core/volatility';
import type { ServiceContext } from './context';

// σ of each asset the farm's loans and positions depend on, measured from the stored
// price history once per UTC day (docs/formulas-risk.md "Volatility"): it uses whole days
// only, so every Snapshot of a day shares one measurement and a record's odds depend only
// on its own figures, its price and that σ.

const DAY_MS = 86_400_000;

interface DayCache {
  /** The UTC day and the settings the entries were measured for. */
  key: string;
  byAsset: Map<string, VolatilityEstimate>;
}
const caches = new WeakMap<ServiceContext, DayCache>();

export function volatilityTable(
  ctx: ServiceContext,
  records: { loans: readonly Loan[]; positions: readonly Position[] },
  settings: Settings,
  asOf: Date,
): VolatilityTable {
  const day = asOf.toISOString().slice(0, 10);
  const { volatilityWindowDays, defaultVolatilityPct } = settings.risk;
  const key = `${day}|${volatilityWindowDays}|${defaultVolatilityPct}`;
  let cache = caches.get(ctx);
  // One day's measurements at a time: a past as-of Snapshot measures its own day afresh.
  if (cache === undefined || cache.key !== key) {
    cache = { key, byAsset: new Map() };
    caches.set(ctx, cache);
  }
  const table: Record<string, VolatilityEstimate> = {};
  // Only what a loan pledges or a position trades has a trigger price to reach.
  for (const asset of pricesInUse([], records.loans, records.positions)) {
    let estimate = cache.byAsset.get(asset);
    if (estimate === undefined) {
      const dayStart = Date.parse(`${day}T00:00:00.000Z`);
      // A month of slack before the window finds the close that opens its first return.
      const from = new Date(dayStart - (volatilityWindowDays + 31) * DAY_MS);
      const to = new Date(dayStart - 1);
      estimate = volatilityEstimate({
        points: ctx.store.history.query(`price.${asset}`, from, to),
        asOfDay: day,
        windowDays: volatilityWindowDays,
        defaultVolatilityPct,
      });
      cache.byAsset.set(asset, estimate);
    }
    table[asset] = estimate;
  }
  return table;
}
