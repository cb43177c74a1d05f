import type { ServiceContext } from './context';
import { historyValues } from './history';
import { loanSchedule } from '#core/loan-schedule';
import { fundingPayment } from './funding';
import { createRecord, updateRecord } from './records';
import { computeSnapshot } from './snapshot';

// A small, plausible farm for `--demo`: three rig models, a BTC-backed loan and a hedge,
// with prices and chain figures marked as demo values so nobody mistakes them for live.

const DEMO_HISTORY_HOURS = 7 * 24;
const EIGHT_HOURS_MS = 8 * 3_600_000;

/** The funding a demo short of 0.5 BTC received at its last six 8-hourly settlements. */
const DEMO_FUNDING_USDT = ['3.71', '4.02', '3.88', '2.95', '3.40', '3.88'];

/** Percent moves of a plausible week, as decimal strings with two places. */
function demoMovePct(hour: number, amplitudePct: number, phase: number): string {
  const wave = Math.sin(hour / 9 + phase) * 0.6 + Math.sin(hour / 31 + phase * 2) * 0.4;
  return (wave * amplitudePct).toFixed(2);
}

/**
 * A week of hourly history computed from the demo records at demo prices, so the charts
 * of a demo farm have something to show. Every point is what the core computes.
 */
function seedDemoHistory(ctx: ServiceContext): void {
  const now = ctx.now().getTime();
  // All points are computed before any is stored: a past Snapshot reads stored history,
  // and each point must be the demo price moved once, not a move of a move.
  const points = [];
  for (let h = DEMO_HISTORY_HOURS; h >= 1; h--) {
    const at = new Date(now - h * 3_600_000);
    const shocksPct = { BTC: demoMovePct(h, 4, 0), LTC: demoMovePct(h, 7, 1.3) };
    points.push({ at, values: historyValues(computeSnapshot(ctx, { asOf: at, shocksPct })) });
  }
  for (const { at, values } of points) ctx.store.history.append(values, at);
}

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
    purchasedAt: '2026-02-12',
    purchasePriceUsd: '98400',
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
    purchasedAt: '2025-09-03',
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
    purchasedAt: '2025-11-20',
  });
  const loan = await createRecord(ctx, 'loans', {
    lender: 'Northwind Credit',
    principal: '250000',
    currency: 'USDC',
    aprPct: '11.5',
    dayCount: 365,
    startDate: '2026-02-01',
    termMonths: 24,
    repayment: 'interest-only',
    collateral: [{ asset: 'BTC', amount: '5.2' }],
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
    targetLtvPct: '55',
    payments: [],
  });
  // The monthly interest has been paid on time so far.
  const paid = loanSchedule(loan, ctx.now()).filter((row) => row.date < at.slice(0, 10));
  await updateRecord(ctx, 'loans', loan.id, {
    payments: paid.map((row) => ({ date: row.date, amount: row.payment })),
  });
  // A recorded Binance funding rate, so the hedge's funding shows offline too (marked demo).
  const nextSettlementMs = Math.ceil((ctx.now().getTime() + 1) / EIGHT_HOURS_MS) * EIGHT_HOURS_MS;
  await ctx.store.update((db) => {
    db.lastFunding = {
      'binance-usdm:BTCUSDT': {
        source: 'binance-usdm',
        symbol: 'BTCUSDT',
        rate: '0.000085',
        nextFundingAt: new Date(nextSettlementMs).toISOString(),
        intervalHours: '8',
        at,
        demo: true,
      },
    };
  });
  const hedge = await createRecord(ctx, 'positions', {
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
    openedAt: new Date(nextSettlementMs - 7 * EIGHT_HOURS_MS).toISOString(),
  });
  const payments = DEMO_FUNDING_USDT.map((amount, i) =>
    fundingPayment(ctx, hedge, {
      at: new Date(
        nextSettlementMs - (DEMO_FUNDING_USDT.length - i) * EIGHT_HOURS_MS,
      ).toISOString(),
      amount,
      origin: 'manual',
    }),
  );
  await ctx.store.update((db) => {
    db.fundingPayments = payments;
  });
  seedDemoHistory(ctx);
  await ctx.store.history.flush();
}
