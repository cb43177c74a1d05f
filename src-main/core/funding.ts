import type { FundingQuote } from '#api/funding';
import { FUNDING_FEED_LABELS, type FundingFeedName, fundingQuoteKey } from '#shared/funding-feeds';
import type { Position, Rig } from '#api/records';
import { type Dec, HUNDRED, dec, decStr } from '#shared/decimal';

// Funding of a perpetual position at the exchange's current rate (docs/formulas-positions.md
// "Funding"): which feed quotes it, the payment per settlement, per day and per month.
// Pure: the quotes, the mark and the instant come in as arguments.

/** Settlements every 8 hours (00:00, 08:00, 16:00 UTC) unless the exchange says otherwise. */
export const DEFAULT_FUNDING_INTERVAL_HOURS = 8;
/** An average month, so twelve of them make a year. */
export const AVERAGE_MONTH_DAYS = dec(365).div(12);

export interface FundingMarket {
  source: FundingFeedName;
  /** The exchange's own symbol for the perpetual. */
  symbol: string;
  kind: 'linear' | 'inverse';
}

type PositionMarketFields = Pick<
  Position,
  'exchange' | 'symbol' | 'baseAsset' | 'quoteAsset' | 'kind'
>;

/** A delivery contract has a date in its symbol (BTCUSD_250328, BTC-USD-250328, …:BTC-261225). */
const DATED_SYMBOL = /\d{6}/;

/**
 * The feed and symbol that quote a position's funding: the exchange it is on (Binance —
 * USDⓈ-M for linear, COIN-M for inverse —, Bybit or OKX), the symbol built from its assets.
 * Otherwise the sentence saying why there is none.
 */
export function fundingMarketOf(position: PositionMarketFields): FundingMarket | string {
  if (DATED_SYMBOL.test(position.symbol))
    return `${position.symbol} is a dated future: it pays no funding.`;
  const base = position.baseAsset.toUpperCase();
  const quote = position.quoteAsset.toUpperCase();
  const exchange = position.exchange.toLowerCase();
  const kind = position.kind;
  if (exchange.includes('binance')) {
    return kind === 'linear'
      ? { source: 'binance-usdm', symbol: `${base}${quote}`, kind }
      : { source: 'binance-coinm', symbol: `${base}USD_PERP`, kind };
  }
  if (exchange.includes('bybit')) {
    if (kind === 'inverse') return { source: 'bybit', symbol: `${base}USD`, kind };
    // Bybit names its USDC perpetuals BTCPERP, ETHPERP.
    return { source: 'bybit', symbol: quote === 'USDC' ? `${base}PERP` : `${base}${quote}`, kind };
  }
  if (exchange.includes('okx') || exchange.includes('okex')) {
    const settle = kind === 'linear' ? quote : 'USD';
    return { source: 'okx', symbol: `${base}-${settle}-SWAP`, kind };
  }
  return `Funding rates are read from Binance, Bybit and OKX; "${position.exchange}" is none of them, so its funding is not estimated.`;
}

/** Settlements per day for an interval in hours (8 h → 3). */
export function periodsPerDay(intervalHours: Dec): Dec {
  return dec(24).div(intervalHours);
}

/**
 * The interval between two successive next-settlement times of one symbol, when they are a
 * whole number of hours from 1 to 24 apart (a quote received after a settlement): the
 * spacing the exchange keeps. Anything else (the same time, a gap of missed settlements
 * longer than a day) says nothing.
 */
export function intervalFromSpacing(previousNextAt: string | null, nextAt: string | null) {
  if (previousNextAt === null || nextAt === null) return null;
  const hours = (Date.parse(nextAt) - Date.parse(previousNextAt)) / 3_600_000;
  return Number.isInteger(hours) && hours >= 1 && hours <= 24 ? String(hours) : null;
}

export interface FundingTerms {
  /** Mark price in quote units. */
  mark: Dec | null;
  /** USD value of one unit of the quote asset (1 for USD-like). */
  quoteUsd: Dec | null;
}

/**
 * Funding one settlement brings in USD at `rate` (positive received, negative paid).
 * docs/formulas-positions.md "Funding": payment = −s × rate × nominal value; nominal value =
 * Q × mark (linear, quote units) or C / mark (inverse, coin), the coin valued at the mark.
 */
export function fundingPerSettlementUsd(
  position: Pick<Position, 'kind' | 'side' | 'size'>,
  rate: Dec,
  terms: { mark: Dec; quoteUsd: Dec },
): Dec {
  const s = position.side === 'long' ? 1 : -1;
  const size = dec(position.size);
  const paymentInQuote =
    position.kind === 'linear'
      ? rate.mul(size).mul(terms.mark)
      : // Coin: C / mark; in quote units at the mark that is C again.
        rate.mul(size.div(terms.mark)).mul(terms.mark);
  return paymentInQuote.mul(terms.quoteUsd).mul(-s);
}

export interface FundingFigures {
  fundingRatePct: string | null;
  nextFundingAt: string | null;
  fundingPerDayUsd: string | null;
  fundingPerMonthUsd: string | null;
  fundingIntervalHours: string | null;
  fundingSource: string | null;
  fundingAt: string | null;
  fundingNote: string | null;
}

const NONE: FundingFigures = {
  fundingRatePct: null,
  nextFundingAt: null,
  fundingPerDayUsd: null,
  fundingPerMonthUsd: null,
  fundingIntervalHours: null,
  fundingSource: null,
  fundingAt: null,
  fundingNote: null,
};

function sourceLabel(quote: FundingQuote): string {
  const label = FUNDING_FEED_LABELS[quote.source];
  return quote.demo === true ? `demo (${label})` : label;
}

/** The quote of a market as known at `asOf` (a quote received later was not known then). */
export function quoteFor(
  market: FundingMarket,
  quotes: Readonly<Record<string, FundingQuote>>,
  asOf: Date,
): FundingQuote | null {
  const key = fundingQuoteKey(market.source, market.symbol);
  const quote = Object.hasOwn(quotes, key) ? quotes[key] : undefined;
  return quote === undefined || Date.parse(quote.at) > asOf.getTime() ? null : quote;
}

/** A position's funding figures at its exchange's last known rate. */
export function fundingFigures(
  position: PositionMarketFields & Pick<Position, 'side' | 'size'>,
  quotes: Readonly<Record<string, FundingQuote>>,
  terms: FundingTerms,
  asOf: Date,
): FundingFigures {
  const market = fundingMarketOf(position);
  if (typeof market === 'string') return { ...NONE, fundingNote: market };
  const quote = quoteFor(market, quotes, asOf);
  const label = FUNDING_FEED_LABELS[market.source];
  if (quote === null)
    return {
      ...NONE,
      fundingNote: `No funding rate has been received from ${label} for ${market.symbol} yet.`,
    };
  const rate = dec(quote.rate);
  const intervalHours = dec(quote.intervalHours ?? DEFAULT_FUNDING_INTERVAL_HOURS);
  const shown = {
    ...NONE,
    fundingRatePct: decStr(rate.mul(HUNDRED)),
    nextFundingAt: quote.nextFundingAt,
    fundingIntervalHours: decStr(intervalHours),
    fundingSource: sourceLabel(quote),
    fundingAt: quote.at,
  };
  const { mark, quoteUsd } = terms;
  if (mark === null || mark.lte(0) || quoteUsd === null)
    return {
      ...shown,
      fundingNote: `No ${position.baseAsset} price, so the funding in dollars is unknown.`,
    };
  const perDay = fundingPerSettlementUsd(position, rate, { mark, quoteUsd }).mul(
    periodsPerDay(intervalHours),
  );
  const passed =
    quote.nextFundingAt !== null && Date.parse(quote.nextFundingAt) < asOf.getTime()
      ? `The rate was for the settlement at ${quote.nextFundingAt}; no newer rate has been received.`
      : null;
  return {
    ...shown,
    fundingPerDayUsd: decStr(perDay, 2),
    fundingPerMonthUsd: decStr(perDay.mul(AVERAGE_MONTH_DAYS), 2),
    fundingNote: passed,
  };
}

/** Coins a farm may hedge whose USDⓈ-M perpetual Binance lists. */
const HEDGE_COINS = ['BTC', 'LTC', 'ETC'];

/**
 * The perpetual markets whose funding the farm needs: each position's, and for the hedge
 * planner the Binance USDⓈ-M perpetual of each coin its rigs mine.
 */
export function fundingMarketsInUse(
  positions: readonly PositionMarketFields[],
  rigs: readonly Pick<Rig, 'coin' | 'status'>[],
): FundingMarket[] {
  const markets = new Map<string, FundingMarket>();
  const add = (market: FundingMarket | string) => {
    if (typeof market !== 'string')
      markets.set(fundingQuoteKey(market.source, market.symbol), market);
  };
  for (const position of positions) add(fundingMarketOf(position));
  for (const coin of new Set(rigs.filter((r) => r.status !== 'retired').map((r) => r.coin))) {
    if (HEDGE_COINS.includes(coin))
      add({ source: 'binance-usdm', symbol: `${coin}USDT`, kind: 'linear' });
  }
  return [...markets.values()];
}

/**
 * The stored quotes after a round: each new quote replaces its market's, and one that does
 * not state its interval takes it from the spacing of its next settlement time and the last
 * one (a quote received after a settlement), else keeps the interval learned before.
 */
export function mergeFundingQuotes(
  stored: Readonly<Record<string, FundingQuote>>,
  incoming: readonly FundingQuote[],
): Record<string, FundingQuote> {
  const merged: Record<string, FundingQuote> = { ...stored };
  for (const quote of incoming) {
    const key = fundingQuoteKey(quote.source, quote.symbol);
    const before = Object.hasOwn(stored, key) ? stored[key] : undefined;
    const intervalHours =
      quote.intervalHours ??
      intervalFromSpacing(before?.nextFundingAt ?? null, quote.nextFundingAt) ??
      before?.intervalHours ??
      null;
    merged[key] = { ...quote, intervalHours };
  }
  return merged;
}

/** The quote the hedge planner uses for a coin: Binance USDⓈ-M, else Bybit, else OKX. */
export function hedgeFundingQuote(
  coin: string,
  quotes: Readonly<Record<string, FundingQuote>>,
  asOf: Date,
): FundingQuote | null {
  const markets: FundingMarket[] = [
    { source: 'binance-usdm', symbol: `${coin}USDT`, kind: 'linear' },
    { source: 'bybit', symbol: `${coin}USDT`, kind: 'linear' },
    { source: 'okx', symbol: `${coin}-USDT-SWAP`, kind: 'linear' },
  ];
  for (const market of markets) {
    const quote = quoteFor(market, quotes, asOf);
    if (quote !== null) return quote;
  }
  return null;
}

export interface HedgeCarry {
  fundingRatePct: string | null;
  /** What the short receives (positive) or pays (negative) per average month, in USD. */
  fundingCarryUsdPerMonth: string | null;
  fundingSource: string | null;
  fundingNote: string | null;
}

/** The hedge's monthly carry at the current rate: a linear short of `shortSize` at `priceUsd`. */
export function hedgeCarry(
  quote: FundingQuote | null,
  coin: string,
  shortSize: Dec,
  priceUsd: Dec,
): HedgeCarry {
  if (quote === null)
    return {
      fundingRatePct: null,
      fundingCarryUsdPerMonth: null,
      fundingSource: null,
      fundingNote: `No funding rate for a ${coin} perpetual has been received yet.`,
    };
  const rate = dec(quote.rate);
  const intervalHours = dec(quote.intervalHours ?? DEFAULT_FUNDING_INTERVAL_HOURS);
  const perDay = fundingPerSettlementUsd(
    { kind: 'linear', side: 'short', size: decStr(shortSize, 20) },
    rate,
    { mark: priceUsd, quoteUsd: dec(1) },
  ).mul(periodsPerDay(intervalHours));
  return {
    fundingRatePct: decStr(rate.mul(HUNDRED)),
    fundingCarryUsdPerMonth: decStr(perDay.mul(AVERAGE_MONTH_DAYS), 2),
    fundingSource: `${sourceLabel(quote)} ${quote.symbol}`,
    fundingNote: null,
  };
}

/**
 * What a position's funding figures read besides the position and its prices: its quote
 * as known at the instant, and whether that quote's settlement has passed. Two instants
 * with the same key give the same figures (the cached Snapshot figures key on it).
 */
export function fundingKey(
  position: PositionMarketFields,
  quotes: Readonly<Record<string, FundingQuote>>,
  asOf: Date,
): string {
  const market = fundingMarketOf(position);
  if (typeof market === 'string') return '-';
  const quote = quoteFor(market, quotes, asOf);
  if (quote === null) return `${market.source}:${market.symbol}|none`;
  const passed = quote.nextFundingAt !== null && Date.parse(quote.nextFundingAt) < asOf.getTime();
  return [
    market.source,
    market.symbol,
    quote.rate,
    quote.nextFundingAt,
    quote.intervalHours,
    quote.at,
    quote.demo === true,
    passed,
  ].join('|');
}
