import { z } from 'zod';
import { decimalString, isoDate, recordId } from './fields';

// Realised PnL an operator enters by hand (a closed position, a settled hedge): a dated
// amount in US dollars, negative for a loss. Stored in rigledger.json since schema v2.

export const realisedPnlFields = z.object({
  date: isoDate,
  amountUsd: decimalString,
  note: z.string().trim().max(500, { error: 'Keep the note under 500 characters.' }).optional(),
  positionId: recordId.optional(),
});
export const realisedPnlInputSchema = realisedPnlFields.strict();
export const realisedPnlSchema = realisedPnlFields.extend({ id: recordId }).strict();
export type RealisedPnlInput = z.input<typeof realisedPnlInputSchema>;
export type RealisedPnl = z.infer<typeof realisedPnlSchema>;
