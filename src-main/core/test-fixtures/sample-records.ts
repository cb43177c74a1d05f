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

export function sampleLoan(overrides: Partial<Loan> = {}): Loan {
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
    collateralAsset: 'BTC',
    collateralAmount: '10',
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
    payments: [],
    ...overrides,
  };
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
