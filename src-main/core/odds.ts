import type { LoanOdds, PositionOdds } from '#api/odds';
import { type Dec, HUNDRED, dec, decStr, numberStr } from '#shared/decimal';
import { type BarrierDirection, firstPassageProbability } from './first-passage';
import type { VolatilityEstimate } from './volatility';

// Odds that a loan's or a position's trigger price is touched within 1, 7 and 30 days
// (docs/formulas-risk.md "Odds of crossing"): the first-passage probability of a price
// with no drift, at the trigger asset's volatility. Pure: the price, the trigger prices
// and σ come in; the odds go out as percent strings with two decimals.

/** σ by asset, as the service measured it for the day. */
export type VolatilityTable = Readonly<Record<string, VolatilityEstimate>>;

/** The estimate for an asset, or the operator's default when none was measured. */
export function volatilityOf(
  table: VolatilityTable,
  asset: string,
  defaultVolatilityPct: string,
): VolatilityEstimate {
  return (
    table[asset.toUpperCase()] ?? { volatilityPct: dec(defaultVolatilityPct), source: 'default' }
  );
}

/** Percent chance the price touches `trigger` within `days`; null without a trigger. */
export function crossingOddsPct(args: {
  price: Dec;
  trigger: Dec | null;
  direction: BarrierDirection;
  volatilityPct: Dec;
  days: number;
}): string | null {
  const { price, trigger, direction, volatilityPct, days } = args;
  if (trigger === null || trigger.lte(0) || price.lte(0)) return null;
  return oddsPct(
    price.toNumber(),
    trigger.toNumber(),
    direction,
    volatilityPct.div(HUNDRED).toNumber(),
    days,
  );
}

/**
 * The same as crossingOddsPct from figures already turned into numbers (probabilities are
 * not money: the closed form runs in binary floating point): a row's three horizons and
 * two triggers convert each figure once, not six times.
 */
function oddsPct(
  spot: number,
  barrier: number,
  direction: BarrierDirection,
  volatility: number,
  days: number,
): string {
  const p = firstPassageProbability({ spot, barrier, volatility, years: days / 365 }, direction);
  return numberStr(p * 100, 2);
}

/** A trigger as a number for oddsPct; null when there is none to touch. */
const triggerNumber = (trigger: Dec | null): number | null =>
  trigger === null || trigger.lte(0) ? null : trigger.toNumber();

/**
 * A loan's odds: its collateral price falling to the margin-call and liquidation prices.
 * `triggersAt(days)` gives those prices for the debt as it will stand at the horizon's end.
 */
export function loanOdds(args: {
  priceUsd: Dec | null;
  triggersAt: (days: number) => { marginCall: Dec | null; liquidation: Dec | null };
  volatility: VolatilityEstimate;
}): LoanOdds | null {
  const { priceUsd: price, volatility } = args;
  if (price === null || price.lte(0)) return null;
  const spot = price.toNumber();
  const sigma = volatility.volatilityPct.div(HUNDRED).toNumber();
  const horizon = (days: number) => {
    const triggers = args.triggersAt(days);
    const odds = (trigger: Dec | null) => {
      const barrier = triggerNumber(trigger);
      return barrier === null ? null : oddsPct(spot, barrier, 'fall', sigma, days);
    };
    return { marginCallPct: odds(triggers.marginCall), liquidationPct: odds(triggers.liquidation) };
  };
  return withHorizons(volatility, horizon);
}

/** A position's odds: its mark touching the liquidation price and its stop-loss. */
export function positionOdds(args: {
  mark: Dec | null;
  side: 'long' | 'short';
  liquidationPrice: Dec | null;
  liquidationDirection: BarrierDirection | null;
  stopLoss: Dec | null;
  volatility: VolatilityEstimate;
}): PositionOdds | null {
  const { mark, volatility } = args;
  if (mark === null || mark.lte(0)) return null;
  // A long's stop sells on the way down, a short's buys back on the way up.
  const stopDirection: BarrierDirection = args.side === 'long' ? 'fall' : 'rise';
  const spot = mark.toNumber();
  const sigma = volatility.volatilityPct.div(HUNDRED).toNumber();
  const liquidation =
    args.liquidationDirection === null ? null : triggerNumber(args.liquidationPrice);
  const stop = triggerNumber(args.stopLoss);
  const horizon = (days: number) => ({
    liquidationPct:
      liquidation === null || args.liquidationDirection === null
        ? null
        : oddsPct(spot, liquidation, args.liquidationDirection, sigma, days),
    stopPct: stop === null ? null : oddsPct(spot, stop, stopDirection, sigma, days),
  });
  return withHorizons(volatility, horizon);
}

function withHorizons<H>(volatility: VolatilityEstimate, horizon: (days: number) => H) {
  return {
    volatilityPct: decStr(volatility.volatilityPct, 2),
    volatilitySource: volatility.source,
    days1: horizon(1),
    days7: horizon(7),
    days30: horizon(30),
  };
}
