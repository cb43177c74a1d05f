import type { ServiceContext } from './context';
import { createRecord } from './records';

// A small, plausible farm for `--demo`: three rig models, a BTC-backed loan and a hedge,
// with prices and chain figures marked as demo values so nobody mistakes them for live.

export async function seedDemoFarm(ctx: ServiceContext): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.store.update((db) => {
    db.lastPrices = {
      BTC: { usd: '91250', source: 'demo', at, disputed: false },
      LTC: { usd: '88.4', source: 'demo', at, disputed: false },
      KAS: { usd: '0.061', source: 'demo', at, disputed: false },
    };
    db.lastNetwork = {
      BTC: {
        difficulty: '149301205959699.9',
        blockReward: '3.125',
        feesPerBlock: '0.021',
        height: 925_000,
        source: 'demo',
        at,
      },
    };
    db.manualNetwork = {
      LTC: { difficulty: '92345678.12', blockReward: '6.25', at },
      KAS: { difficulty: '45000000000000000', blockReward: '44.5', at },
    };
  });
  await createRecord(ctx, 'rigs', {
    name: 'Row A – S21 Pro',
    model: 'Antminer S21 Pro',
    coin: 'BTC',
    hashrate: '234',
    hashrateUnit: 'TH/s',
    powerWatts: '3510',
    quantity: 24,
    poolFeePct: '2',
    status: 'active',
  });
  await createRecord(ctx, 'rigs', {
    name: 'Row B – S19k Pro',
    model: 'Antminer S19k Pro',
    coin: 'BTC',
    hashrate: '120',
    hashrateUnit: 'TH/s',
    powerWatts: '2760',
    quantity: 16,
    poolFeePct: '2',
    status: 'active',
  });
  await createRecord(ctx, 'rigs', {
    name: 'Shelf C – L7',
    model: 'Antminer L7',
    coin: 'LTC',
    hashrate: '9.5',
    hashrateUnit: 'GH/s',
    powerWatts: '3425',
    quantity: 6,
    poolFeePct: '1',
    status: 'active',
  });
  await createRecord(ctx, 'loans', {
    lender: 'Northwind Credit',
    principal: '250000',
    currency: 'USDC',
    aprPct: '11.5',
    dayCount: 365,
    startDate: at.slice(0, 8) + '01',
    termMonths: 24,
    repayment: 'interest-only',
    collateralAsset: 'BTC',
    collateralAmount: '5.2',
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
    targetLtvPct: '55',
    payments: [],
  });
  await createRecord(ctx, 'positions', {
    account: 'Hedge desk',
    exchange: 'Binance',
    symbol: 'BTCUSDT',
    baseAsset: 'BTC',
    quoteAsset: 'USDT',
    kind: 'linear',
    side: 'short',
    size: '0.5',
    entryPrice: '93400',
    leverage: '5',
    marginMode: 'isolated',
    walletBalance: '9340',
    maintenanceMarginRate: '0.004',
    maintenanceAmount: '0',
    formula: 'maintenance-at-liquidation',
    stopLoss: '101000',
    stopTrigger: 'mark',
    openedAt: at,
  });
}
