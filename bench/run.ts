import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SETTINGS, type Loan, type Position, type Rig } from '#api/records';
import type { PriceEntry } from '#api/snapshot';
import { buildSnapshot } from '#core/snapshot';
import { openFarmService } from '#service/farm-service';
import { openStore } from '#store/database';

// `npm run bench`: the figures that decide whether RigLedger keeps up with a large farm.
// Prints them; asserts nothing.

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(label: string, runs: number, fn: () => unknown): void {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  console.log(
    `${label}: median ${median(samples).toFixed(1)} ms, worst ${Math.max(...samples).toFixed(1)} ms over ${runs} runs`,
  );
}

function largeFarm() {
  const rigs: Rig[] = Array.from({ length: 2000 }, (_, i) => ({
    id: `rig-${i}`,
    name: `Rig ${i}`,
    coin: i % 10 === 0 ? 'LTC' : 'BTC',
    hashrate: i % 10 === 0 ? '9.5' : String(100 + (i % 150)),
    hashrateUnit: i % 10 === 0 ? 'GH/s' : 'TH/s',
    powerWatts: String(3000 + (i % 500)),
    quantity: 1,
    poolFeePct: '2',
    status: 'active',
  }));
  const loans: Loan[] = Array.from({ length: 50 }, (_, i) => ({
    id: `loan-${i}`,
    lender: `Lender ${i}`,
    principal: '250000',
    currency: 'USD',
    aprPct: '11.5',
    dayCount: 365,
    startDate: '2025-01-01',
    termMonths: 36,
    repayment: i % 2 ? 'amortizing' : 'interest-only',
    collateral: [{ asset: 'BTC', amount: '6' }],
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
    payments: Array.from({ length: 20 }, (_, m) => ({
      id: `pay-${m}`,
      date: `2025-${String((m % 12) + 1).padStart(2, '0')}-15`,
      amount: '2500',
    })),
  }));
  const positions: Position[] = Array.from({ length: 200 }, (_, i) => ({
    id: `pos-${i}`,
    account: `acct-${i % 5}`,
    exchange: 'Binance',
    symbol: 'BTCUSDT',
    baseAsset: 'BTC',
    quoteAsset: 'USDT',
    kind: 'linear',
    side: i % 2 ? 'long' : 'short',
    size: '0.5',
    entryPrice: '90000',
    leverage: '10',
    marginMode: i % 3 ? 'isolated' : 'cross',
    walletBalance: '5000',
    maintenanceMarginRate: '0.005',
    maintenanceAmount: '0',
    formula: 'maintenance-at-liquidation',
    openedAt: '2026-11-01T00:00:00Z',
  }));
  return { rigs, loans, positions };
}

async function main(): Promise<void> {
  const farm = largeFarm();
  const at = new Date().toISOString();
  const price = (usd: string): PriceEntry => ({
    usd,
    source: 'bench',
    at,
    stale: false,
    manual: false,
    disputed: false,
    ageSec: 0,
  });
  console.log('Snapshot of 2,000 rigs, 50 loans (20 payments each), 200 positions:');
  time('  buildSnapshot', 20, () =>
    buildSnapshot({
      asOf: new Date(),
      offline: true,
      settings: DEFAULT_SETTINGS,
      ...farm,
      prices: { BTC: price('91000'), LTC: price('88') },
      network: {
        BTC: { difficulty: '149301205959699.9', height: 925000, source: 'bench', at, stale: false },
        LTC: { difficulty: '92345678.12', blockReward: '6.25', source: 'bench', at, stale: false },
      },
      rigLive: {},
      alerts: [],
      notices: [],
      scenario: null,
    }),
  );

  // A year of 60-second polling of 20 series through the real history store.
  const dir = await mkdtemp(join(tmpdir(), 'rigledger-bench-'));
  try {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const clock = () => new Date(t);
    const store = await openStore({
      dataDir: dir,
      now: clock,
      log: () => {},
      historyFlushDelayMs: 3_600_000,
    });
    const t0 = performance.now();
    const minutes = 365 * 24 * 60;
    for (let i = 0; i < minutes; i++) {
      t += 60_000;
      const values: Record<string, string> = {};
      for (let s = 0; s < 20; s++)
        values[`series.${s}`] = String(90000 + Math.round(Math.sin(i / 500 + s) * 5000));
      store.history.append(values, clock());
      if (i % 1440 === 0) await store.history.flush();
    }
    await store.history.flush();
    const elapsed = performance.now() - t0;
    const size = (await stat(join(dir, 'history.json'))).size;
    const points = store.history.query('series.0').length;
    await store.close();
    console.log('History, one simulated year of 60-second polls of 20 series:');
    console.log(
      `  appended ${minutes.toLocaleString('en-US')} rounds in ${(elapsed / 1000).toFixed(1)} s`,
    );
    console.log(
      `  history.json: ${(size / 1024).toFixed(0)} KiB, ${points.toLocaleString('en-US')} points per series`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // Contract round trips through the real service (validation + store + snapshot).
  const serviceDir = await mkdtemp(join(tmpdir(), 'rigledger-bench-svc-'));
  try {
    const service = await openFarmService({
      dataDir: serviceDir,
      offline: true,
      demo: true,
      log: () => {},
    });
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await service.call('rigs.update', {
        id: ((await service.call('rigs.list', {})) as Rig[])[0]!.id,
        patch: { notes: `n${i}` },
      });
      samples.push(performance.now() - t0);
    }
    console.log('Contract, rigs.update on the demo farm (durable write + alert evaluation):');
    console.log(
      `  median ${median(samples).toFixed(1)} ms, worst ${Math.max(...samples).toFixed(1)} ms over 200 calls`,
    );
    await service.close();
  } finally {
    await rm(serviceDir, { recursive: true, force: true });
  }
}

await main();
