import { options, type FieldSpec, type FormValues } from '../../forms/field-spec';
import { todayInput } from '../../forms/form-values';

// The loan form. Payments are added one by one with "Add payment".

export const loanFormFields: FieldSpec[] = [
  { name: 'lender', label: 'Lender', kind: 'text', span: 2 },
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
    ],
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
  {
    name: 'collateralAsset',
    label: 'Collateral asset',
    kind: 'text',
    hint: 'BTC, LTC… or USD for equipment.',
  },
  {
    name: 'collateralAmount',
    label: 'Collateral amount',
    kind: 'decimal',
    hint: 'In units of the collateral asset.',
  },
  {
    name: 'marginCallLtvPct',
    label: 'Margin-call LTV',
    kind: 'decimal',
    percent: 'percent',
    guardFraction: true,
  },
  {
    name: 'liquidationLtvPct',
    label: 'Liquidation LTV',
    kind: 'decimal',
    percent: 'percent',
    guardFraction: true,
  },
  {
    name: 'targetLtvPct',
    label: 'Target LTV',
    kind: 'decimal',
    percent: 'percent',
    guardFraction: true,
    optional: true,
    hint: 'Optional: the LTV a cure returns to (default the initial LTV).',
  },
];

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

export const paymentFormFields: FieldSpec[] = [
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
