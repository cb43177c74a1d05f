// Lender presets: the LTV bands, cure target and cure window each lender publishes for
// its crypto-backed loans, so an operator starts from the lender's own numbers. Terms
// change and the signed loan agreement always wins; every figure and its page are listed
// in docs/formulas-loans.md ("Lender presets").

export const LENDER_PRESET_IDS = [
  'ledn',
  'nexo',
  'coinbase',
  'unchained',
  'strike',
  'figure',
  'aave',
] as const;
export type LenderPresetId = (typeof LENDER_PRESET_IDS)[number];

export interface LenderPreset {
  id: LenderPresetId;
  lender: string;
  /** LTV at which the lender asks for more collateral (a margin call or its first warning). */
  marginCallLtvPct: string;
  /** LTV at which the lender sells collateral. */
  liquidationLtvPct: string;
  /** LTV a cure must bring the loan back to; undefined = the LTV at the loan's start. */
  targetLtvPct?: string;
  /** Hours the lender gives to cure a margin call; undefined = none published. */
  cureWindowHours?: number;
  /** What the numbers mean for this lender, in a sentence. */
  note: string;
  /** The lender's public page the numbers come from. */
  source: string;
}

export const LENDER_PRESETS = [
  {
    id: 'ledn',
    lender: 'Ledn',
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
    targetLtvPct: '50',
    note: 'Ledn asks for collateral back to 50 % LTV above 70 % and sells above 80 %; no cure window is published.',
    source: 'https://blog.ledn.io/en/first-blog/loan-management-tips',
  },
  {
    id: 'nexo',
    lender: 'Nexo',
    marginCallLtvPct: '71.4',
    liquidationLtvPct: '83.3',
    note: 'Nexo warns at 71.4 %, 74.1 % and 76.9 % LTV and starts partial automatic repayments at 83.3 %.',
    source:
      'https://support.nexo.io/hc/en-us/articles/360008115854-Are-there-margin-calls-will-I-be-notified-beforehand-and-how-much-time-I-will-have-to-respond-',
  },
  {
    id: 'coinbase',
    lender: 'Coinbase (Morpho)',
    marginCallLtvPct: '77.4',
    liquidationLtvPct: '86',
    note: 'Liquidation is automatic at the 86 % LLTV; 77.4 % is where Coinbase marks the loan "Danger" (90 % of the LLTV). No margin call, no cure window.',
    source: 'https://help.coinbase.com/en/coinbase/trading-and-funding/loan/loan-health',
  },
  {
    id: 'unchained',
    lender: 'Unchained',
    // Unchained states collateral-to-principal (CTP) ratios: LTV = 100 / CTP.
    marginCallLtvPct: '66.67',
    liquidationLtvPct: '90.91',
    targetLtvPct: '60.61',
    cureWindowHours: 48,
    note: 'Margin call below 150 % collateral-to-principal (66.67 % LTV), cure back to 165 % (60.61 %) within 48 h (4 h below 135 %); liquidation at 110 % (90.91 %).',
    source: 'https://help.unchained.com/what-is-the-margin-call-process',
  },
  {
    id: 'strike',
    lender: 'Strike',
    marginCallLtvPct: '70',
    liquidationLtvPct: '85',
    targetLtvPct: '60',
    cureWindowHours: 24,
    note: 'Margin call at 70 % LTV: back to 60 % within 24 h; partial liquidation at 85 % with no window.',
    source: 'https://strike.me/faq/what-are-margin-calls-and-liquidations',
  },
  {
    id: 'figure',
    lender: 'Figure',
    marginCallLtvPct: '70',
    liquidationLtvPct: '85',
    cureWindowHours: 24,
    note: 'Margin call at 70 % LTV: 24 h to return to the loan’s original LTV; liquidation at 85 %.',
    source: 'https://figuremarkets.com/faqs/borrow/margin-call-mechanics/what-are-margin-calls',
  },
  {
    id: 'aave',
    lender: 'Aave',
    marginCallLtvPct: '72',
    liquidationLtvPct: '80',
    note: 'Aave liquidates when the health factor falls below 1, i.e. at the asset’s liquidation threshold (80 % in Aave’s own example; check the market). Aave has no margin call: 72 % (health factor 1.11) is RigLedger’s warning.',
    source: 'https://aave.com/help/borrowing/liquidations',
  },
] satisfies readonly LenderPreset[];

export function lenderPreset(id: string): LenderPreset | undefined {
  return LENDER_PRESETS.find((p) => p.id === id);
}
