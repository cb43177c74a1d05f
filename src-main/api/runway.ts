import { z } from 'zod';
import { decimalBetween, decimalString, isoDate, isoDateTime, recordId } from './fields';

// runway.get (docs/contract.md, docs/formulas-risk.md "Runway"): the farm's cash month by
// month as difficulty climbs and the halving comes. Field names are part of the contract.

const month = z.string().regex(/^\d{4}-\d{2}$/);

export const runwayParamsSchema = z
  .object({
    months: z
      .number({ error: 'Send months as a whole number, such as 12.' })
      .int({ error: 'Send months as a whole number, such as 12.' })
      .min(1, { error: 'Look at least 1 month ahead.' })
      .max(60, { error: 'Look at most 60 months ahead.' })
      .optional(),
    /** The price of every coin changes by this percent each month (compounded); "0" = flat. */
    pricePathPctPerMonth: decimalBetween('-50', '100', '% a month').optional(),
    /** Overrides the measured difficulty change per retarget (source `operator`). */
    difficultyPerRetargetPct: decimalBetween('-50', '100', '% per retarget').optional(),
  })
  .strict();
export type RunwayParams = z.infer<typeof runwayParamsSchema>;

export const RUNWAY_DIFFICULTY_SOURCES = ['history', 'mempool', 'settings', 'operator'] as const;

export const runwaySchema = z.object({
  assumptions: z.object({
    difficultyPerRetargetPct: decimalString,
    /**
     * `history`: mean of the retargets recorded in the last 90 days; `mempool`: the chain
     * feed's estimate of the next adjustment; `settings`: risk.difficultyPerRetargetPct;
     * `operator`: the rate sent with this call.
     */
    source: z.enum(RUNWAY_DIFFICULTY_SOURCES),
    halvingHeight: z.number().int(),
    /** When the current height and the block time put the halving block. */
    halvingDate: isoDateTime,
    blocksToHalving: z.number().int(),
    daysToHalving: decimalString,
    nextRetarget: z.object({
      height: z.number().int(),
      date: isoDateTime,
      estimatedChangePct: decimalString,
      /** `mempool` when the chain feed estimated the change, else the rate above. */
      source: z.enum(RUNWAY_DIFFICULTY_SOURCES),
    }),
    height: z.number().int(),
    blockTimeSec: z.number(),
    difficulty: decimalString,
    feesPerBlockBtc: decimalString,
    btcPriceUsd: decimalString,
    pricePathPctPerMonth: decimalString,
    /** BTC the running rigs earn a day now, after pool fees. */
    btcPerDay: decimalString,
    powerCostUsdPerDay: decimalString,
    /** Revenue a day of the rigs mining other coins, moved with the price path only. */
    otherCoinsRevenueUsdPerDay: decimalString,
  }),
  months: z.array(
    z.object({
      month,
      /** The first month starts today; the others are whole calendar months (UTC). */
      from: isoDate,
      days: decimalString,
      btcProduced: decimalString,
      btcPriceUsd: decimalString,
      revenueUsd: decimalString,
      powerCostUsd: decimalString,
      interestUsd: decimalString,
      principalDueUsd: decimalString,
      netUsd: decimalString,
      /** True for the month the halving block is expected in. */
      halving: z.boolean(),
      retargets: z.number().int(),
      loans: z.array(z.object({ id: recordId, ltvPct: decimalString.nullable() })),
    }),
  ),
  cashNegativeFrom: month.nullable(),
  marginCallFrom: z.array(z.object({ loanId: recordId, lender: z.string(), month })),
});
export type Runway = z.infer<typeof runwaySchema>;
