import { z } from 'zod';
import { LENDER_PRESETS } from '#api/lender-presets';
import { loanInputSchema } from '#api/records';
import type { LoanView } from '#api/snapshot';
import { options, type FieldSpec, type FormValues } from '../../forms/field-spec';
import { toFormValues, todayInput } from '../../forms/form-values';

// The loan form. One collateral asset is entered here (the contract's shorthand); a loan
// pledging several assets keeps its list, which this form then leaves alone. Payments
// are managed in the loan's details.

export const PRESET_TERMS_NOTE =
  'Presets copy the lender’s published terms; terms change and your loan agreement wins.';

const collateralFields: FieldSpec[] = [
  {
    name: 'collateralAsset',
    label: 'Collateral asset',
    kind: 'text',
    optional: true,
    hint: 'BTC, ETH, LTC, USDT… or USD for equipment; empty for an unsecured loan.',
  },
  {
    name: 'collateralAmount',
    label: 'Collateral amount',
    kind: 'decimal',
    optional: true,
    hint: 'In units of the collateral asset.',
  },
];

const termFields: FieldSpec[] = [
  { name: 'lender', label: 'Lender', kind: 'text', span: 2 },
  {
    name: 'preset',
    label: 'Preset',
    kind: 'select',
    optional: true,
    options: LENDER_PRESETS.map((p) => ({ value: p.id, label: p.lender })),
    hint: `Fills empty LTV fields and the cure window. ${PRESET_TERMS_NOTE}`,
    span: 2,
  },
  { name: 'principal', label: 'Principal', kind: 'decimal', span: 2 },
  {
    name: 'currency',
    label: 'Currency',
    kind: 'select',
    options: options(['USD', 'USDT', 'USDC']),
    hint: 'Stablecoins count 1:1 with USD.',
  },
  { name: 'aprPct', label: 'APR', kind: 'decimal', percent: 'percent' },
  {
    name: 'dayCount',
    label: 'Day count',
    kind: 'select',
    numeric: true,
    options: [
      { value: '365', label: 'ACT/365' },
      { value: '360', label: 'ACT/360' },
      { value: 'actual', label: 'ACT/ACT' },
    ],
    hint: 'Bullet and interest-only loans; amortizing loans use APR/12 a month.',
  },
  { name: 'startDate', label: 'Start date', kind: 'date' },
  { name: 'termMonths', label: 'Term', kind: 'integer', unit: 'months' },
  {
    name: 'repayment',
    label: 'Repayment',
    kind: 'select',
    options: [
      { value: 'bullet', label: 'Bullet (all at the end)' },
      { value: 'interest-only', label: 'Interest only' },
      { value: 'amortizing', label: 'Amortizing (monthly)' },
    ],
  },
];

const bandFields: FieldSpec[] = [
  {
    name: 'marginCallLtvPct',
    label: 'Margin-call LTV',
    kind: 'decimal',
    percent: 'percent',
    guardFraction: true,
    optional: true,
  },
  {
    name: 'liquidationLtvPct',
    label: 'Liquidation LTV',
    kind: 'decimal',
    percent: 'percent',
    guardFraction: true,
    optional: true,
  },
  {
    name: 'targetLtvPct',
    label: 'Target LTV',
    kind: 'decimal',
    percent: 'percent',
    guardFraction: true,
    optional: true,
    hint: 'Optional: the LTV a cure returns to (default the LTV at the start).',
  },
  {
    name: 'cureWindowHours',
    label: 'Cure window',
    kind: 'integer',
    unit: 'h',
    optional: true,
    hint: 'Hours the lender gives to cure a margin call.',
  },
];

/** The form's fields: a loan pledging several assets keeps its list out of the form. */
export function loanFieldsFor(loan: LoanView | null): FieldSpec[] {
  const multi = loan !== null && loan.collateral.length > 1;
  return [...termFields, ...(multi ? [] : collateralFields), ...bandFields];
}

/** No collateral asset typed: an unsecured loan. */
function withCollateralList(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = Object.fromEntries(Object.entries(value));
  if (record.collateralAsset === undefined && record.collateralAmount === undefined) {
    return { ...record, collateral: [] };
  }
  return record;
}

export const loanFormSchema = z.preprocess(withCollateralList, loanInputSchema);

export function newLoanValues(): FormValues {
  return {
    currency: 'USD',
    dayCount: '365',
    startDate: todayInput(),
    repayment: 'interest-only',
    collateralAsset: 'BTC',
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
  };
}

export function loanFormValues(loan: LoanView): FormValues {
  const values = toFormValues(loanFieldsFor(loan), loan);
  const only = loan.collateral.length === 1 ? loan.collateral[0] : undefined;
  if (loan.collateral.length <= 1) {
    values.collateralAsset = only?.asset ?? '';
    values.collateralAmount = only?.amount ?? '';
  }
  return values;
}

export const paymentFields: FieldSpec[] = [
  { name: 'date', label: 'Payment date', kind: 'date', span: 3 },
  {
    name: 'amount',
    label: 'Amount',
    kind: 'decimal',
    unit: 'USD',
    span: 3,
    hint: 'Pays accrued interest first, then principal.',
  },
];
