import type { Snapshot } from '#api/snapshot';
import type { HistoryPoint } from '#store/schema';
import type { ServiceContext } from './context';
import { derivedHistory, derivedSeriesNames } from './history-derived';

// The series kept in history.json (docs/formulas.md "History retention"): each price, each
// coin's network difficulty and hash rate, each coin's nominal and live hash power, farm
// profit and revenue per day. Named so a chart can ask for one by name. A loan's LTV and a position's distance to liquidation are not stored:
// history-derived.ts computes them from the price series and the record when asked.

export function historyValues(snapshot: Snapshot): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [asset, price] of Object.entries(snapshot.prices)) {
    if (!price.stale) values[`price.${asset}`] = price.usd;
  }
  for (const [coin, network] of Object.entries(snapshot.network)) {
    if (network.stale) continue;
    values[`network.${coin}.difficulty`] = network.difficulty;
    values[`network.${coin}.hashrateHs`] = network.networkHashrateHs;
  }
  for (const power of snapshot.farm.hashPower) {
    values[`hashpower.${power.coin}.nominal`] = power.nominalHs;
    if (power.liveHs !== null) values[`hashpower.${power.coin}.live`] = power.liveHs;
  }
  if (snapshot.farm.profitUsdPerDay !== null)
    values['farm.profitUsdPerDay'] = snapshot.farm.profitUsdPerDay;
  if (snapshot.farm.revenueUsdPerDay !== null)
    values['farm.revenueUsdPerDay'] = snapshot.farm.revenueUsdPerDay;
  return values;
}

/** history.get: a stored series, or a loan's LTV / a position's distance computed from prices. */
export function historyGet(
  ctx: ServiceContext,
  series: string,
  from?: string,
  to?: string,
): HistoryPoint[] {
  return derivedHistory(ctx, series, from, to) ?? ctx.store.history.query(series, from, to);
}

/** history.series: the stored series and the computed ones for today's loans and positions. */
export function historySeries(ctx: ServiceContext): string[] {
  return [...ctx.store.history.seriesNames(), ...derivedSeriesNames(ctx)].sort();
}
