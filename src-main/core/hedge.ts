import type { FundingQuote } from '#api/funding';
import type { Snapshot } from '#api/snapshot';
import { type HedgeCarry, hedgeCarry, hedgeFundingQuote } from './funding';
import { type Dec, HUNDRED, ZERO, dec, decStr, decStrOrNull, maxDec } from '#shared/decimal';
import { formatNumber } from '#shared/format';
import { linearLiquidationAtLiquidation } from './positions';

// Hedge planner (docs/formulas.md "Hedge plan"): short the coins the farm will mine over N days,
// in an isolated linear position margined with notional / leverage. The shorts already
// open on the coin count against the production first: the plan proposes only what is
// missing, and says when the book is already short more than the farm will mine.

export interface HedgePlanParams {
  coin: string;
  days: number;
  /** Fraction of expected production to short (0.5 hedges half). */
  hedgeRatio: string;
  leverage: string;
  maintenanceMarginRate: string;
}

export type HedgeStatus = 'to-open' | 'hedged' | 'over-hedged';

export interface HedgePlan extends HedgeCarry {
  coin: string;
  days: number;
  expectedCoins: string;
  /** Coins the plan hedges in all: expected production × hedge ratio. */
  targetShortCoins: string;
  /** Coins already short on the coin in the open positions. */
  openShortCoins: string;
  /** The further short to open: target − already open, never below 0. */
  shortSize: string;
  status: HedgeStatus;
  /** What the plan means, in a sentence. */
  message: string;
  entryPrice: string;
  liquidationPrice: string | null;
  risePctToLiquidation: string | null;
  marginUsd: string;
}

export type HedgePlanOutcome = { ok: true; plan: HedgePlan } | { ok: false; message: string };

/** The plan for a daily production and a current price. */
export function hedgePlan(
  params: HedgePlanParams,
  {
    coinsPerDay,
    priceUsd,
    openShortCoins = ZERO,
  }: { coinsPerDay: Dec; priceUsd: Dec; openShortCoins?: Dec },
  fundingQuote: FundingQuote | null = null,
): HedgePlan {
  // docs/formulas.md "Hedge plan": expected production over N days × hedge ratio = target;
  // the short to open = target − the shorts already open, never below 0.
  const expectedCoins = coinsPerDay.mul(params.days);
  const target = expectedCoins.mul(dec(params.hedgeRatio));
  const shortSize = maxDec(ZERO, target.minus(openShortCoins));
  const status: HedgeStatus = openShortCoins.gt(expectedCoins)
    ? 'over-hedged'
    : shortSize.isZero() && openShortCoins.gt(0)
      ? 'hedged'
      : 'to-open';
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
    targetShortCoins: decStr(target),
    openShortCoins: decStr(openShortCoins),
    shortSize: decStr(shortSize),
    status,
    message: hedgeMessage(params, { status, expectedCoins, target, openShortCoins, shortSize }),
    entryPrice: decStr(priceUsd),
    liquidationPrice: decStrOrNull(liquidationPrice),
    risePctToLiquidation: decStrOrNull(rise),
    marginUsd: decStr(marginUsd),
    // docs/formulas-positions.md "Funding": the short's carry at the coin's current rate.
    ...hedgeCarry(fundingQuote, params.coin, shortSize, priceUsd),
  };
}

function coins(value: Dec, coin: string): string {
  return `${formatNumber(decStr(value), 8)} ${coin}`;
}

function hedgeMessage(
  params: HedgePlanParams,
  figures: {
    status: HedgeStatus;
    expectedCoins: Dec;
    target: Dec;
    openShortCoins: Dec;
    shortSize: Dec;
  },
): string {
  const { status, expectedCoins, target, openShortCoins, shortSize } = figures;
  const production = `${coins(expectedCoins, params.coin)} the farm mines in ${params.days} days`;
  if (status === 'over-hedged')
    return `The book is already over-hedged: ${coins(openShortCoins, params.coin)} short, more than the ${production}. Open no further short; a rise in ${params.coin} now costs more on the shorts than the production gains.`;
  if (status === 'hedged')
    return `Already hedged: ${coins(openShortCoins, params.coin)} short covers the ${coins(target, params.coin)} this plan hedges of the ${production}. Nothing more to open.`;
  if (openShortCoins.gt(0))
    return `Open a further ${coins(shortSize, params.coin)} short: ${coins(openShortCoins, params.coin)} of the ${coins(target, params.coin)} to hedge is already short.`;
  return `Open a ${coins(shortSize, params.coin)} short to hedge ${coins(target, params.coin)} of the ${production}.`;
}

/**
 * Coins short on a coin in the open positions: a linear short's size is in coins; an
 * inverse short's size is in USD, worth size ÷ price coins.
 */
export function openShortCoins(snapshot: Snapshot, coin: string, priceUsd: Dec): Dec {
  let total = ZERO;
  for (const position of snapshot.positions) {
    if (position.baseAsset !== coin || position.side !== 'short') continue;
    const mark = position.markPrice === null ? priceUsd : dec(position.markPrice);
    total = total.plus(
      position.kind === 'inverse' ? dec(position.size).div(mark) : dec(position.size),
    );
  }
  return total;
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
      {
        coinsPerDay,
        priceUsd: dec(price.usd),
        openShortCoins: openShortCoins(snapshot, coin, dec(price.usd)),
      },
      hedgeFundingQuote(coin, fundingQuotes, new Date(snapshot.asOf)),
    ),
  };
}
