import { z } from 'zod';
import { FUNDING_FEED_LABELS, type FundingFeedName, type FundingQuote } from '#api/funding';
import type { SourceSettings } from '#api/settings';
import type { FundingMarket } from '#core/funding';
import { type Dec, decStr } from '#shared/decimal';
import {
  type FeedContext,
  type FeedFailure,
  excerpt,
  failure,
  getJson,
  isFailure,
  sourceUrl,
} from './http-client';
import { readDecimal } from './reply-values';

// The exchanges' public funding-rate endpoints (docs/formulas-positions.md "Funding"):
//   Binance USDⓈ-M  GET /fapi/v1/premiumIndex?symbol=BTCUSDT       → { lastFundingRate, nextFundingTime }
//   Binance COIN-M  GET /dapi/v1/premiumIndex?symbol=BTCUSD_PERP   → [{ lastFundingRate, nextFundingTime }]
//   Bybit v5        GET /v5/market/tickers?category=linear|inverse&symbol=BTCUSDT
//                   → { retCode, retMsg, result: { list: [{ fundingRate, nextFundingTime, fundingIntervalHour? }] } }
//   OKX v5          GET /api/v5/public/funding-rate?instId=BTC-USDT-SWAP
//                   → { code, msg, data: [{ fundingRate, fundingTime, nextFundingTime }] }
// Rates are fractions per settlement; times are milliseconds since 1970 (numbers or strings).

export interface FundingReading {
  rate: Dec;
  nextFundingAt: string | null;
  intervalHours: string | null;
}

export interface FundingSourceDefinition<Reply> {
  name: FundingFeedName;
  baseUrl: string;
  path(market: FundingMarket): string;
  replySchema: z.ZodType<Reply>;
  /** The raw figures of the market in the reply, or the error the reply reports. */
  read(reply: Reply, market: FundingMarket): RawFunding | FeedFailure;
}

interface RawFunding {
  rate: unknown;
  nextFundingTime: unknown;
  /** Hours between settlements, when the reply says. */
  intervalHours?: unknown;
}

export interface FundingSource {
  name: FundingFeedName;
  label: string;
  baseUrl: string;
  fetchQuote(
    market: FundingMarket,
    settings: SourceSettings,
    ctx: FeedContext,
  ): Promise<FundingQuote | FeedFailure>;
}

/**
 * No exchange lets a rate reach 10 % per settlement (Binance caps most perpetuals at
 * ±0.3 % to ±3 %): a larger figure is a misread reply, not a rate.
 */
const MAX_RATE = 0.1;
/** A next settlement more than two days away is not a perpetual's next settlement. */
const MAX_NEXT_FUNDING_MS = 2 * 86_400_000;
const MAX_BEHIND_MS = 86_400_000;

function readMs(value: unknown): number | null {
  const parsed = readDecimal(value);
  if (parsed === null || !parsed.isInteger() || parsed.lte(0)) return null;
  return parsed.toNumber();
}

/** Checks a market's raw figures: a finite, plausible rate and a real next settlement. */
export function readFunding(
  label: string,
  symbol: string,
  raw: RawFunding,
  now: Date,
): FundingReading | FeedFailure {
  const rate = readDecimal(raw.rate);
  if (rate === null || rate.abs().gte(MAX_RATE)) {
    return failure(
      'bad-reply',
      `${label} gave an impossible funding rate for ${symbol} (${excerpt(JSON.stringify(raw.rate) ?? 'nothing')}).`,
    );
  }
  const nextMs = readMs(raw.nextFundingTime);
  const offset = nextMs === null ? null : nextMs - now.getTime();
  if (
    nextMs === null ||
    offset === null ||
    offset > MAX_NEXT_FUNDING_MS ||
    offset < -MAX_BEHIND_MS
  ) {
    return failure(
      'bad-reply',
      `${label} gave an impossible next funding time for ${symbol} (${excerpt(JSON.stringify(raw.nextFundingTime) ?? 'nothing')}).`,
    );
  }
  let intervalHours: string | null = null;
  if (raw.intervalHours !== undefined && raw.intervalHours !== null && raw.intervalHours !== '') {
    const hours = readDecimal(raw.intervalHours);
    if (hours === null || hours.lt(1) || hours.gt(24)) {
      return failure(
        'bad-reply',
        `${label} gave an impossible funding interval for ${symbol} (${excerpt(JSON.stringify(raw.intervalHours) ?? 'nothing')} hours).`,
      );
    }
    intervalHours = decStr(hours);
  }
  return { rate, nextFundingAt: new Date(nextMs).toISOString(), intervalHours };
}

export function defineFundingSource<Reply>(
  definition: FundingSourceDefinition<Reply>,
): FundingSource {
  const label = FUNDING_FEED_LABELS[definition.name];
  return {
    name: definition.name,
    label,
    baseUrl: definition.baseUrl,
    async fetchQuote(market, settings, ctx) {
      const reply = await getJson(label, sourceUrl(settings.baseUrl, definition.path(market)), ctx);
      if (isFailure(reply)) return reply;
      const parsed = definition.replySchema.safeParse(reply.json);
      if (!parsed.success)
        return failure('bad-reply', `${label} sent a funding reply in an unexpected shape.`);
      const raw = definition.read(parsed.data, market);
      if (isFailure(raw)) return raw;
      const reading = readFunding(label, market.symbol, raw, ctx.now());
      if (isFailure(reading)) return reading;
      return {
        source: definition.name,
        symbol: market.symbol,
        rate: decStr(reading.rate, 12),
        nextFundingAt: reading.nextFundingAt,
        intervalHours: reading.intervalHours,
        at: ctx.now().toISOString(),
      };
    },
  };
}

const timeValue = z.union([z.number(), z.string()]);
const binanceEntry = z.object({
  symbol: z.string(),
  lastFundingRate: z.union([z.string(), z.number()]),
  nextFundingTime: timeValue,
});
const binanceReply = z.union([binanceEntry, z.array(binanceEntry)]);

function readBinance(reply: z.infer<typeof binanceReply>, market: FundingMarket, label: string) {
  const entries = Array.isArray(reply) ? reply : [reply];
  const entry = entries.find((e) => e.symbol === market.symbol);
  if (entry === undefined)
    return failure('bad-reply', `${label} sent no funding rate for ${market.symbol}.`);
  return { rate: entry.lastFundingRate, nextFundingTime: entry.nextFundingTime };
}

const query = (name: string, value: string) => `${name}=${encodeURIComponent(value)}`;

export const binanceUsdm = defineFundingSource({
  name: 'binance-usdm',
  baseUrl: 'https://fapi.binance.com',
  path: (market) => `/fapi/v1/premiumIndex?${query('symbol', market.symbol)}`,
  replySchema: binanceReply,
  read: (reply, market) => readBinance(reply, market, FUNDING_FEED_LABELS['binance-usdm']),
});

export const binanceCoinm = defineFundingSource({
  name: 'binance-coinm',
  baseUrl: 'https://dapi.binance.com',
  path: (market) => `/dapi/v1/premiumIndex?${query('symbol', market.symbol)}`,
  replySchema: binanceReply,
  read: (reply, market) => readBinance(reply, market, FUNDING_FEED_LABELS['binance-coinm']),
});

export const bybit = defineFundingSource({
  name: 'bybit',
  baseUrl: 'https://api.bybit.com',
  path: (market) =>
    `/v5/market/tickers?category=${market.kind === 'linear' ? 'linear' : 'inverse'}&${query('symbol', market.symbol)}`,
  replySchema: z.object({
    retCode: z.number(),
    retMsg: z.string(),
    result: z
      .object({
        list: z
          .array(
            z.object({
              symbol: z.string(),
              fundingRate: z.union([z.string(), z.number()]),
              nextFundingTime: timeValue,
              fundingIntervalHour: z.union([z.string(), z.number()]).optional(),
            }),
          )
          .optional(),
      })
      .optional(),
  }),
  read(reply, market) {
    if (reply.retCode !== 0)
      return failure(
        'bad-reply',
        `Bybit refused: ${excerpt(reply.retMsg, 120)} (${reply.retCode}).`,
      );
    const entry = reply.result?.list?.find((e) => e.symbol === market.symbol);
    if (entry === undefined)
      return failure('bad-reply', `Bybit sent no funding rate for ${market.symbol}.`);
    return {
      rate: entry.fundingRate,
      nextFundingTime: entry.nextFundingTime,
      intervalHours: entry.fundingIntervalHour,
    };
  },
});

export const okx = defineFundingSource({
  name: 'okx',
  baseUrl: 'https://www.okx.com',
  path: (market) => `/api/v5/public/funding-rate?${query('instId', market.symbol)}`,
  replySchema: z.object({
    code: z.string(),
    msg: z.string(),
    data: z
      .array(
        z.object({
          instId: z.string(),
          fundingRate: z.union([z.string(), z.number()]),
          fundingTime: timeValue,
          nextFundingTime: timeValue.optional(),
        }),
      )
      .optional(),
  }),
  read(reply, market) {
    if (reply.code !== '0')
      return failure('bad-reply', `OKX refused: ${excerpt(reply.msg, 120)} (${reply.code}).`);
    const entry = reply.data?.find((e) => e.instId === market.symbol);
    if (entry === undefined)
      return failure('bad-reply', `OKX sent no funding rate for ${market.symbol}.`);
    // fundingTime is the coming settlement the rate is for; nextFundingTime the one after it.
    const spacing =
      entry.nextFundingTime === undefined
        ? null
        : (Number(entry.nextFundingTime) - Number(entry.fundingTime)) / 3_600_000;
    return {
      rate: entry.fundingRate,
      nextFundingTime: entry.fundingTime,
      intervalHours:
        spacing !== null && Number.isInteger(spacing) && spacing >= 1 && spacing <= 24
          ? spacing
          : undefined,
    };
  },
});

/** Every funding feed, in the order they are listed. */
export const FUNDING_SOURCES: readonly FundingSource[] = [binanceUsdm, binanceCoinm, bybit, okx];
