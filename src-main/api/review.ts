import { z } from 'zod';
import { decimalString, isoDate } from './fields';
import { snapshotSchema } from './snapshot';

// The offline finance review: a Snapshot as of a date plus the monthly P&L that led
// there. Money in US dollars, rounded to the cent.

export const revenueHistorySchema = z.enum(['full', 'partial', 'none']);

export const monthlyPnlRowSchema = z.object({
  /** Calendar month, YYYY-MM. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** First and last date counted (the last month ends at the review date). */
  from: isoDate,
  to: isoDate,
  days: z.number().int(),
  /** Integrated from the farm.revenueUsdPerDay history; null when the month has none. */
  miningRevenueUsd: decimalString.nullable(),
  /** Days of the period the revenue history covers (a decimal: 12.5 is twelve and a half days). */
  revenueCoverageDays: decimalString,
  revenueHistory: revenueHistorySchema,
  powerCostUsd: decimalString,
  loanInterestUsd: decimalString,
  /** Realised PnL entered by hand plus the funding paid or received in the month. */
  realisedPnlUsd: decimalString,
  /** The funding part of realisedPnlUsd: payments in USD at the price of their time. */
  fundingUsd: decimalString,
  /** Revenue − power − interest + realised; null when the revenue is unknown. */
  netUsd: decimalString.nullable(),
});
export type MonthlyPnlRow = z.infer<typeof monthlyPnlRowSchema>;

export const reviewSchema = z.object({
  asOf: isoDate,
  snapshot: snapshotSchema,
  months: z.array(monthlyPnlRowSchema),
});
export type Review = z.infer<typeof reviewSchema>;
