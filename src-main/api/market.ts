import { z } from 'zod';
import { decimalString, isoDateTime, nonNegativeDecimal, positiveDecimal } from './fields';

// Prices and network figures kept between runs: manual ones and the last fed ones.

export const manualPriceSchema = z.object({ usd: positiveDecimal, at: isoDateTime }).strict();
/**
 * The `details` of a `conflict` refusal of `prices.setManual`: the price in use, the one
 * typed, the change between them in percent and, when a slipped digit explains the jump,
 * the price the operator most likely meant.
 */
export const manualPriceJumpSchema = z.object({
  asset: z.string(),
  lastUsd: positiveDecimal,
  proposedUsd: positiveDecimal,
  changePct: decimalString,
  suggestedUsd: positiveDecimal.nullable(),
});
export type ManualPriceJumpDetails = z.infer<typeof manualPriceJumpSchema>;

export const manualNetworkSchema = z
  .object({
    difficulty: positiveDecimal,
    blockReward: nonNegativeDecimal.optional(),
    feesPerBlock: nonNegativeDecimal.optional(),
    height: z.number().int().min(0).optional(),
    at: isoDateTime,
  })
  .strict();
export type ManualNetwork = z.infer<typeof manualNetworkSchema>;

/** Last price each feed round agreed on, kept so a restart offline still has numbers. */
export const storedPriceSchema = z
  .object({
    usd: positiveDecimal,
    source: z.string().max(80),
    at: isoDateTime,
    disputed: z.boolean().default(false),
    /** Only one source quotes it, far from the last multi-source price: alerts wait. */
    singleSource: z.boolean().optional(),
    /** For a price one source alone quotes: the last price two or more sources agreed on. */
    multiSourceUsd: positiveDecimal.optional(),
  })
  .strict();
export type StoredPrice = z.infer<typeof storedPriceSchema>;

export const storedNetworkSchema = z
  .object({
    difficulty: positiveDecimal,
    blockReward: nonNegativeDecimal,
    feesPerBlock: nonNegativeDecimal,
    height: z.number().int().min(0).optional(),
    source: z.string().max(80),
    at: isoDateTime,
    /** The chain feed's estimate of the next difficulty adjustment (mempool.space). */
    retarget: z
      .object({
        difficultyChangePct: decimalString,
        remainingBlocks: z.number().int(),
        estimatedRetargetDate: isoDateTime,
      })
      .strict()
      .optional(),
  })
  .strict();
export type StoredNetwork = z.infer<typeof storedNetworkSchema>;
