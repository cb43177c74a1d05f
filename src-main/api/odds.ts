import { z } from 'zod';
import { decimalString } from './fields';

// Odds of crossing a trigger price (docs/formulas-risk.md "Odds of crossing"): the chance,
// in percent, that the price touches the trigger within 1, 7 and 30 days. Field names are
// part of the contract.

const pctOrNull = decimalString.nullable();

export const volatilitySourceSchema = z.enum(['history', 'default']);

/** A loan's odds per horizon; null where the loan has no such trigger price. */
export const loanOddsHorizonSchema = z.object({
  marginCallPct: pctOrNull,
  liquidationPct: pctOrNull,
});

/** A position's odds per horizon; `stopPct` is null without a stop-loss. */
export const positionOddsHorizonSchema = z.object({
  liquidationPct: pctOrNull,
  stopPct: pctOrNull,
});

function oddsSchema<H extends z.ZodType>(horizon: H) {
  return z.object({
    /** Annualised volatility of the trigger asset's price, in percent. */
    volatilityPct: decimalString,
    /** `history`: measured from stored daily closes; `default`: the operator's setting. */
    volatilitySource: volatilitySourceSchema,
    days1: horizon,
    days7: horizon,
    days30: horizon,
  });
}

export const loanOddsSchema = oddsSchema(loanOddsHorizonSchema);
export type LoanOdds = z.infer<typeof loanOddsSchema>;
export const positionOddsSchema = oddsSchema(positionOddsHorizonSchema);
export type PositionOdds = z.infer<typeof positionOddsSchema>;
