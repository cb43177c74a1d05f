import { DEFAULT_SETTINGS, type Loan, type Position, type Rig, type Settings } from '#api/records';

// Complete records with sensible defaults, for the core's specs: each test states only
// the fields it is about.

export function sampleRig(overrides: Partial<Rig> = {}): Rig {
  return {
    id: 'rig-1',
    name: 'Antminer S21',
    coin: 'BTC',
    hashrate: '200',
    hashrateUnit: 'TH/s',
    powerWatts: '3500',
    quantity: 1,
    poolFeePct: '0',
    status: 'active',
    ...overrides,
  };
}

/** Overrides for sampleLoan: the one-asset shorthand and payments without ids are accepted. */
export type SampleLoanOverrides = Omit<Partial<Loan>, 'payments'> & {
  collateralAsset?: string;
  collateralAmount?: string;
  payments?: { id?: string; date: string; amount: string }[];
};

export function sampleLoan(overrides: SampleLoanOverrides = {}): Loan {
  const { collateralAsset, collateralAmount, payments = [], ...rest } = overrides;
  const shorthand = collateralAsset !== undefined || collateralAmount !== undefined;
  const amount = collateralAmount ?? '10';
  const collateral = shorthand
    ? decimalIsZero(amount)
      ? []
      : [{ asset: collateralAsset ?? 'BTC', amount }]
    : (rest.collateral ?? [{ asset: 'BTC', amount: '10' }]);
  return {
    id: 'loan-1',
    lender: 'Ledn',
    principal: '500000',
    currency: 'USD',
    aprPct: '12',
    dayCount: 365,
    startDate: '2024-01-01',
    termMonths: 12,
    repayment: 'bullet',
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
    ...rest,
    collateral,
    payments: payments.map((p, i) => ({
      id: p.id ?? `pay-${i + 1}`,
      date: p.date,
      amount: p.amount,
    })),
  };
}

function decimalIsZero(value: string): boolean {
  return /^0*(\.0*)?$/.test(value);
}

export function samplePosition(overrides: Partial<Position> = {}): Position {
  return {
    id: 'pos-1',
    account: 'binance-main',
    exchange: 'Binance',
    symbol: 'BTCUSDT',
    baseAsset: 'BTC',
    quoteAsset: 'USDT',
    kind: 'linear',
    side: 'long',
    size: '1',
    entryPrice: '60000',
    leverage: '10',
    marginMode: 'isolated',
    walletBalance: '6000',
    maintenanceMarginRate: '0.005',
    maintenanceAmount: '50',
    formula: 'maintenance-at-liquidation',
    openedAt: '2024-06-01T00:00:00Z',
    ...overrides,
  };
}

export function sampleSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...overrides };
}
