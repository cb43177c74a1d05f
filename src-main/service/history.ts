import type { Snapshot } from '#api/snapshot';

// The series kept in history.json (docs/formulas.md "History retention"): each price, each coin's
// nominal and live hash power, farm profit per day, each loan's LTV and each position's
// distance to liquidation. Named so a chart can ask for one by name.

export function historyValues(snapshot: Snapshot): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [asset, price] of Object.entries(snapshot.prices)) {
    if (!price.stale) values[`price.${asset}`] = price.usd;
  }
  for (const power of snapshot.farm.hashPower) {
    values[`hashpower.${power.coin}.nominal`] = power.nominalHs;
    if (power.liveHs !== null) values[`hashpower.${power.coin}.live`] = power.liveHs;
  }
  if (snapshot.farm.profitUsdPerDay !== null)
    values['farm.profitUsdPerDay'] = snapshot.farm.profitUsdPerDay;
  if (snapshot.farm.revenueUsdPerDay !== null)
    values['farm.revenueUsdPerDay'] = snapshot.farm.revenueUsdPerDay;
  for (const loan of snapshot.loans) {
    if (loan.ltvPct !== null) values[`loan.${loan.id}.ltvPct`] = loan.ltvPct;
  }
  for (const position of snapshot.positions) {
    if (position.distanceToLiquidationPct !== null) {
      values[`position.${position.id}.distanceToLiquidationPct`] =
        position.distanceToLiquidationPct;
    }
  }
  return values;
}
