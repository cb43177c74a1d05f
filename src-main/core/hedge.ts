import type { FundingQuote } from '#api/funding';
import type { Snapshot } from '#api/snapshot';
import { type HedgeCarry, hedgeCarry, hedgeFundingQuote } from './funding';
import { type Dec, HUNDRED, ZERO, dec, decStr, decStrOrNull } from '#shared/decimal';
import { linearLiquidationAtLiquidation } from './positions';

// Hedge planner (docs/formulas.md "Hedge plan"): short the coins the farm will mine over N days,
// in an isolated linear position margined with notional / leverage.

export interface HedgePlanParams {
  coin: string;
  days: number;
  /** Fraction of expected production to short (0.5 hedges half). */
  hedgeRatio: string;
  leverage: string;
  maintenanceMarginRate: string;
}

export interface HedgePlan extends HedgeCarry {
  coin: string;
  days: number;
  expectedCoins: string;
  shortSize: string;
  entryPrice: string;
  liquidationPrice: string | null;
  risePctToLiquidation: string | null;
  marginUsd: string;
}

export type HedgePlanOutcome = { ok: true; plan: HedgePlan } | { ok: false; message: string };

/** The plan for a daily production and a current price. */
export function hedgePlan(
  params: HedgePlanParams,
  { coinsPerDay, priceUsd }: { coinsPerDay: Dec; priceUsd: Dec },
  fundingQuote: FundingQuote | null = null,
): HedgePlan {
  // docs/formulas.md "Hedge plan": expected production over N days × hedge ratio = short size.
  const expectedCoins = coinsPerDay.mul(params.days);
  const shortSize = expectedCoins.mul(dec(params.hedgeRatio));
  const notional = shortSize.mul(priceUsd);
  // docs/formulas.md "Hedge plan": isolated margin = notional / leverage.
  const marginUsd = notional.div(dec(params.leverage));
  const liquidationPrice = shortSize.gt(0)
    ? linearLiquidationAtLiquidation({
        kind: 'linear',
        side: 'short',
        size: decStr(shortSize, 20),
        entryPrice: decStr(priceUsd, 20),
        leverage: params.leverage,
        marginMode: 'isolated',
        walletBalance: decStr(marginUsd, 20),
        maintenanceMarginRate: params.maintenanceMarginRate,
        maintenanceAmount: '0',
        formula: 'maintenance-at-liquidation',
      })
    : null;
  // The % rise from entry that liquidates the short: (LP − EP) / EP × 100.
  const rise =
    liquidationPrice === null ? null : liquidationPrice.minus(priceUsd).div(priceUsd).mul(HUNDRED);
  return {
    coin: params.coin,
    days: params.days,
    expectedCoins: decStr(expectedCoins),
    shortSize: decStr(shortSize),
    entryPrice: decStr(priceUsd),
    liquidationPrice: decStrOrNull(liquidationPrice),
    risePctToLiquidation: decStrOrNull(rise),
    marginUsd: decStr(marginUsd),
    // docs/formulas-positions.md "Funding": the short's carry at the coin's current rate.
    ...hedgeCarry(fundingQuote, params.coin, shortSize, priceUsd),
  };
}

/** The plan from a Snapshot: the farm's coins/day for the coin (running rigs) and its price. */
export function hedgePlanFromSnapshot(
  snapshot: Snapshot,
  params: HedgePlanParams,
  fundingQuotes: Readonly<Record<string, FundingQuote>> = {},
): HedgePlanOutcome {
  const coin = params.coin.toUpperCase();
  const price = snapshot.prices[coin];
  if (!price || dec(price.usd).lte(0)) {
    return { ok: false, message: `There is no ${coin} price yet, so the hedge cannot be sized.` };
  }
  const rigs = snapshot.rigs.filter((r) => r.coin === coin && r.status === 'active');
  if (rigs.length === 0) return { ok: false, message: `No active rig mines ${coin}.` };
  let coinsPerDay = ZERO;
  for (const rig of rigs) {
    if (rig.coinsPerDay === null) {
      return {
        ok: false,
        message: `${coin} production is unknown: set its network difficulty and block reward first.`,
      };
    }
    coinsPerDay = coinsPerDay.plus(dec(rig.coinsPerDay));
  }
  return {
    ok: true,
    plan: hedgePlan(
      { ...params, coin },
      { coinsPerDay, priceUsd: dec(price.usd) },
      hedgeFundingQuote(coin, fundingQuotes, new Date(snapshot.asOf)),
    ),
  };
}
