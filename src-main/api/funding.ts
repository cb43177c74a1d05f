import { z } from 'zod';
import {
  assetSymbol,
  decimalCompare,
  decimalString,
  figureString,
  isoDateTime,
  recordId,
} from './fields';
import {
  FUNDING_FEED_LABELS,
  FUNDING_FEED_NAMES,
  type FundingFeedName,
  fundingQuoteKey,
} from '#shared/funding-feeds';

// Funding of perpetual positions (docs/contract.md "Funding"): the rate an exchange quotes
// for the next settlement (fed, stored as the last known quote per exchange and symbol),
// and the payments a position actually paid or received (typed in, or imported from
// ccxt's fetchFundingHistory). Stored in rigledger.json since schema v4.

export { FUNDING_FEED_LABELS, FUNDING_FEED_NAMES, type FundingFeedName, fundingQuoteKey };

/** One exchange's current funding rate for one perpetual, as last received. */
export const fundingQuoteSchema = z
  .object({
    source: z.enum(FUNDING_FEED_NAMES),
    /** The exchange's own symbol: "BTCUSDT", "BTCUSD_PERP", "BTC-USDT-SWAP". */
    symbol: z.string().min(1).max(40),
    /** The rate of the coming settlement, a fraction per funding period (0.0001 = 0.01 %). */
    rate: figureString,
    nextFundingAt: isoDateTime.nullable(),
    /** Hours between settlements as the exchange states it; null when it does not say. */
    intervalHours: decimalString.nullable(),
    /** When the quote was received. */
    at: isoDateTime,
    /** A recorded example (the demo farm), not a live reading. */
    demo: z.boolean().optional(),
  })
  .strict();
export type FundingQuote = z.infer<typeof fundingQuoteSchema>;

const nonZeroAmount = decimalString.refine((v) => decimalCompare(v, '0') !== 0, {
  error: 'A funding payment is not zero: positive when received, negative when paid.',
});

/** A funding payment of one position, in the asset it settles in. */
export const fundingPaymentSchema = z
  .object({
    id: recordId,
    positionId: recordId,
    at: isoDateTime,
    /** Positive = received, negative = paid; in `asset` (quote for linear, coin for inverse). */
    amount: nonZeroAmount,
    asset: assetSymbol,
    /** The amount in US dollars at the price of its time; null when no price was known. */
    amountUsd: figureString.nullable(),
    origin: z.enum(['manual', 'ccxt']),
    /** The exchange's id of the payment (ccxt `id`, else `t:<timestamp>`): re-imports skip it. */
    externalId: z.string().min(1).max(200).optional(),
  })
  .strict();
export type FundingPayment = z.infer<typeof fundingPaymentSchema>;

export const fundingListParamsSchema = z.object({ positionId: recordId.optional() }).strict();

export const fundingAddParamsSchema = z
  .object({ positionId: recordId, at: isoDateTime, amount: nonZeroAmount })
  .strict();
export type FundingAddParams = z.infer<typeof fundingAddParamsSchema>;

export const MAX_FUNDING_IMPORT_ENTRIES = 10_000;

export const fundingImportParamsSchema = z
  .object({
    positionId: recordId,
    history: z
      .array(z.unknown(), { error: 'Expected the list ccxt’s fetchFundingHistory() returns.' })
      .max(MAX_FUNDING_IMPORT_ENTRIES, {
        error: `Import at most ${MAX_FUNDING_IMPORT_ENTRIES.toLocaleString('en-US')} funding payments at a time.`,
      }),
    dryRun: z.boolean().optional(),
  })
  .strict();
export type FundingImportParams = z.infer<typeof fundingImportParamsSchema>;

export const fundingImportResultSchema = z.object({
  rows: z.array(
    z.object({
      /** 1-based place of the entry in the list. */
      index: z.number().int(),
      ok: z.boolean(),
      /** Already stored (same exchange id or time): not counted twice. */
      duplicate: z.boolean().optional(),
      /**
       * A duplicate of a payment typed by hand: same position, same amount, within a
       * minute of the settlement time. The typed one is kept.
       */
      matchedManual: z.boolean().optional(),
      /** Another symbol's payment: left for that position. */
      skipped: z.boolean().optional(),
      error: z.string().optional(),
    }),
  ),
  created: z.number().int(),
  /** Entries already recorded, those matching a payment typed by hand included. */
  duplicates: z.number().int(),
  /** Of the duplicates, how many matched a payment typed by hand. */
  matchedManual: z.number().int().optional(),
  message: z.string(),
});
export type FundingImportResult = z.infer<typeof fundingImportResultSchema>;
