import { z } from 'zod';
import { decimalString, figureString, isoDate, recordId } from './fields';

// Realised PnL an operator enters by hand (a closed position, a settled hedge): a dated
// amount in US dollars, negative for a loss. Stored in rigledger.json since schema v2. An
// entry made by positions.close also carries the position's funding (`fundingUsd`).

export const realisedPnlFields = z.object({
  date: isoDate,
  amountUsd: decimalString,
  note: z.string().trim().max(500, { error: 'Keep the note under 500 characters.' }).optional(),
  positionId: recordId.optional(),
});
export const realisedPnlInputSchema = realisedPnlFields.strict();
export const realisedPnlSchema = realisedPnlFields
  .extend({
    id: recordId,
    /**
     * The funding a closed position paid or received over its life, in US dollars (the sum
     * of its payments' `amountUsd`; positive = received), set by positions.close and kept
     * in step with the payments. Not part of `amountUsd`: the monthly P&L counts each
     * payment in the month it was paid (docs/formulas-positions.md "Funding").
     */
    fundingUsd: figureString.optional(),
  })
  .strict();
export type RealisedPnlInput = z.input<typeof realisedPnlInputSchema>;
export type RealisedPnl = z.infer<typeof realisedPnlSchema>;
