import { z } from 'zod';
import {
  assetSymbol,
  decimalBetween,
  decimalCompare,
  isoDate,
  nonNegativeDecimal,
  positiveDecimal,
  recordId,
  shortText,
} from './fields';
import { LTV_PCT_FIELDS, checkPercentsNotFractions } from './percent-fields';

// A loan (Loan record): the debt, its repayment, its collateral and the LTV bands.

export const loanPaymentSchema = z.object({ date: isoDate, amount: positiveDecimal }).strict();
export type LoanPayment = z.infer<typeof loanPaymentSchema>;

export const loanFields = z.object({
  lender: shortText('lender name'),
  principal: positiveDecimal,
  currency: z.enum(['USD', 'USDT', 'USDC']).default('USD'),
  aprPct: decimalBetween('0', '1000', '%'),
  dayCount: z
    .union([z.literal(365), z.literal(360)], { error: 'Day count is 365 or 360.' })
    .default(365),
  startDate: isoDate,
  termMonths: z.number().int().min(1, { error: 'Term is at least 1 month.' }).max(600),
  repayment: z.enum(['bullet', 'interest-only', 'amortizing']),
  collateralAsset: z.union([z.literal('USD'), assetSymbol]),
  collateralAmount: nonNegativeDecimal,
  marginCallLtvPct: decimalBetween('0.01', '100', '%'),
  liquidationLtvPct: decimalBetween('0.01', '100', '%'),
  targetLtvPct: decimalBetween('0.01', '100', '%').optional(),
  payments: z.array(loanPaymentSchema).max(10_000).default([]),
  rigIds: z.array(recordId).optional(),
});

/** Cross-field rules every loan obeys; applied to creates and to patched records. */
export function checkLoanThresholds(
  loan: { marginCallLtvPct: string; liquidationLtvPct: string; targetLtvPct?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (decimalCompare(loan.marginCallLtvPct, loan.liquidationLtvPct) >= 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['marginCallLtvPct'],
      message: 'The margin-call LTV must be below the liquidation LTV.',
    });
  }
  if (
    loan.targetLtvPct !== undefined &&
    decimalCompare(loan.targetLtvPct, loan.marginCallLtvPct) >= 0
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['targetLtvPct'],
      message: 'The target LTV a cure returns to must be below the margin-call LTV.',
    });
  }
}

export const loanInputSchema = loanFields
  .strict()
  .superRefine(checkLoanThresholds)
  .superRefine(checkPercentsNotFractions(LTV_PCT_FIELDS));
export const loanSchema = loanFields
  .extend({ id: recordId })
  .strict()
  .superRefine(checkLoanThresholds);
export type LoanInput = z.input<typeof loanInputSchema>;
export type Loan = z.infer<typeof loanSchema>;
