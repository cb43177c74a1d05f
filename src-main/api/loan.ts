import { z } from 'zod';
import {
  assetSymbol,
  decimalBetween,
  decimalCompare,
  decimalString,
  isoDate,
  nonNegativeDecimal,
  positiveDecimal,
  recordId,
  shortText,
} from './fields';
import { LENDER_PRESET_IDS, lenderPreset } from './lender-presets';
import { LTV_PCT_FIELDS, checkPercentsNotFractions } from './percent-fields';

// A loan (Loan record): the debt, its repayment, its collateral and the LTV bands.
// Formulas: docs/formulas-loans.md.

export const loanPaymentSchema = z
  .object({ id: recordId, date: isoDate, amount: positiveDecimal })
  .strict();
export type LoanPayment = z.infer<typeof loanPaymentSchema>;
/** A payment as a person enters it: the id is given by RigLedger. */
export const loanPaymentInputSchema = loanPaymentSchema.extend({ id: recordId.optional() });

/** `USD` is a fixed-value collateral (equipment, cash); any other symbol needs a price. */
export const collateralAssetSchema = z.union([z.literal('USD'), assetSymbol]);

export const collateralItemSchema = z
  .object({
    asset: collateralAssetSchema,
    amount: decimalString.refine((v) => decimalCompare(v, '0') > 0, {
      error:
        'Collateral of 0 is no collateral: remove the asset, or leave the list empty for an unsecured loan.',
    }),
    /** The asset's USD price when the loan started: sets the default cure target. */
    startPriceUsd: positiveDecimal.optional(),
  })
  .strict();
export type CollateralItem = z.infer<typeof collateralItemSchema>;

export const DAY_COUNTS = [365, 360, 'actual'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

/** The terms every loan has, as stored. */
const loanTerms = {
  lender: shortText('lender name'),
  principal: positiveDecimal,
  currency: z.enum(['USD', 'USDT', 'USDC']).default('USD'),
  aprPct: decimalBetween('0', '1000', '%'),
  dayCount: z
    .union([z.literal(365), z.literal(360), z.literal('actual')], {
      error: 'Day count is 365, 360 or "actual" (ACT/ACT).',
    })
    .default(365),
  startDate: isoDate,
  termMonths: z.number().int().min(1, { error: 'Term is at least 1 month.' }).max(600),
  repayment: z.enum(['bullet', 'interest-only', 'amortizing']),
  marginCallLtvPct: decimalBetween('0.01', '100', '%'),
  liquidationLtvPct: decimalBetween('0.01', '100', '%'),
  targetLtvPct: decimalBetween('0.01', '100', '%').optional(),
  /** Hours the lender gives to cure a margin call. */
  cureWindowHours: z
    .number()
    .int()
    .min(1, { error: 'A cure window is at least 1 hour.' })
    .max(720)
    .optional(),
  /** The lender preset the bands were taken from. */
  preset: z.enum(LENDER_PRESET_IDS).optional(),
  rigIds: z.array(recordId).optional(),
};

/** Fields as a person or an import may send them: `collateral`, or the one-asset shorthand. */
export const loanFields = z.object({
  ...loanTerms,
  // Left out, the bands come from the lender preset.
  marginCallLtvPct: loanTerms.marginCallLtvPct.optional(),
  liquidationLtvPct: loanTerms.liquidationLtvPct.optional(),
  collateral: z.array(collateralItemSchema).max(20).optional(),
  collateralAsset: collateralAssetSchema.optional(),
  collateralAmount: nonNegativeDecimal.optional(),
  payments: z.array(loanPaymentInputSchema).max(10_000).default([]),
});

/** The loan as stored and returned. */
export const storedLoanFields = z.object({
  ...loanTerms,
  collateral: z.array(collateralItemSchema),
  payments: z.array(loanPaymentSchema),
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

type LoanFieldsIn = z.output<typeof loanFields>;

/**
 * The collateral list a loan ends up with: `collateral` as given, or the shorthand pair as
 * a one-asset list (the shorthand wins when both are sent, as an old client's edit would).
 */
function collateralOf(loan: LoanFieldsIn, ctx: z.RefinementCtx): CollateralItem[] {
  const { collateralAsset: asset, collateralAmount: amount } = loan;
  if (asset === undefined && amount === undefined) {
    if (loan.collateral === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['collateral'],
        message: 'List the collateral (an empty list for an unsecured loan).',
      });
      return [];
    }
    return loan.collateral;
  }
  const only = loan.collateral?.length === 1 ? loan.collateral[0] : undefined;
  const shorthandAsset = asset ?? only?.asset;
  const shorthandAmount = amount ?? only?.amount;
  if (shorthandAsset === undefined || shorthandAmount === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [asset === undefined ? 'collateralAsset' : 'collateralAmount'],
      message: 'Give both the collateral asset and its amount.',
    });
    return [];
  }
  if (decimalCompare(shorthandAmount, '0') <= 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['collateralAmount'],
      message:
        'Collateral of 0 is no collateral: enter the amount pledged, or record the loan as unsecured (no collateral).',
    });
    return [];
  }
  const keepStart = only?.asset === shorthandAsset ? only.startPriceUsd : undefined;
  return [
    {
      asset: shorthandAsset,
      amount: shorthandAmount,
      ...(keepStart === undefined ? {} : { startPriceUsd: keepStart }),
    },
  ];
}

function checkCollateralList(collateral: readonly CollateralItem[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  collateral.forEach((item, index) => {
    if (seen.has(item.asset)) {
      ctx.addIssue({
        code: 'custom',
        path: ['collateral', index, 'asset'],
        message: `${item.asset} is listed twice: add the amounts into one line.`,
      });
    }
    seen.add(item.asset);
  });
}

let paymentSequence = 0;
/** A payment id unique within its loan; random where the platform offers it. */
function newPaymentId(): string {
  paymentSequence += 1;
  const random = globalThis.crypto?.randomUUID?.();
  return `pay-${random ?? `${Date.now()}-${paymentSequence}`}`;
}

/** The bands as given, the lender preset filling in what was left out. */
function bandsOf(loan: LoanFieldsIn, ctx: z.RefinementCtx) {
  const preset = loan.preset === undefined ? undefined : lenderPreset(loan.preset);
  const marginCallLtvPct = loan.marginCallLtvPct ?? preset?.marginCallLtvPct;
  const liquidationLtvPct = loan.liquidationLtvPct ?? preset?.liquidationLtvPct;
  for (const [field, value] of [
    ['marginCallLtvPct', marginCallLtvPct],
    ['liquidationLtvPct', liquidationLtvPct],
  ] as const) {
    if (value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: 'Enter this LTV, or choose a lender preset.',
      });
    }
  }
  const targetLtvPct = loan.targetLtvPct ?? preset?.targetLtvPct;
  const cureWindowHours = loan.cureWindowHours ?? preset?.cureWindowHours;
  return {
    marginCallLtvPct: marginCallLtvPct ?? '70',
    liquidationLtvPct: liquidationLtvPct ?? '80',
    ...(targetLtvPct === undefined ? {} : { targetLtvPct }),
    ...(cureWindowHours === undefined ? {} : { cureWindowHours }),
  };
}

function normalizeLoan<T extends LoanFieldsIn>(loan: T, ctx: z.RefinementCtx) {
  const bands = bandsOf(loan, ctx);
  checkLoanThresholds(bands, ctx);
  const collateral = collateralOf(loan, ctx);
  checkCollateralList(collateral, ctx);
  const { collateralAsset: _asset, collateralAmount: _amount, ...terms } = loan;
  const ids = new Set<string>();
  const payments = loan.payments.map((p) => {
    const id = p.id !== undefined && !ids.has(p.id) ? p.id : newPaymentId();
    ids.add(id);
    return { id, date: p.date, amount: p.amount };
  });
  return { ...terms, ...bands, collateral, payments };
}

/** A loan as sent to loans.create: an LTV typed as a fraction (0.7) is questioned. */
export const loanInputSchema = loanFields
  .strict()
  .superRefine(checkPercentsNotFractions(LTV_PCT_FIELDS))
  .transform(normalizeLoan);
/** Validates a whole record before it is written: accepts the shorthand, returns the stored shape. */
export const loanRecordSchema = loanFields
  .extend({ id: recordId })
  .strict()
  .transform(normalizeLoan);
/** The stored loan. */
export const loanSchema = storedLoanFields
  .extend({ id: recordId })
  .strict()
  .superRefine((loan, ctx) => {
    checkLoanThresholds(loan, ctx);
    checkCollateralList(loan.collateral, ctx);
  });
export type LoanInput = z.input<typeof loanInputSchema>;
export type Loan = z.infer<typeof loanSchema>;
