import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '#api/snapshot';
import { sampleLoan, samplePosition } from '#core/test-fixtures/sample-records';
import type { HistoryPoint } from '#store/schema';
import { openTestService } from './test-service';
import type { FarmService } from './types';

// A loan's LTV and a position's distance to liquidation are not stored: history.get
// computes them from the stored prices. Each point must be what the Snapshot of that
// moment shows.

const NOW = '2026-11-24T12:00:00Z';
const HOUR = 3_600_000;

/** BTC and ETH every hour from 2026-11-18 to 2026-11-23, BTC falling, ETH wobbling. */
function priceHistory(): Record<string, [string, string][]> {
  const start = Date.parse('2026-11-18T00:00:00Z');
  const btc: [string, string][] = [];
  const eth: [string, string][] = [];
  for (let h = 0; h < 6 * 24; h += 1) {
    const at = new Date(start + h * HOUR).toISOString();
    btc.push([at, String(70_000 - h * 97.25)]);
    eth.push([at, String(3_000 + ((h * 37) % 200))]);
  }
  return { 'price.BTC': btc, 'price.ETH': eth };
}

async function start(): Promise<FarmService> {
  const dir = await mkdtemp(join(tmpdir(), 'rigledger-derived-'));
  // A version-1 file: the format a farm upgrading to this release has on disk.
  await writeFile(
    join(dir, 'history.json'),
    JSON.stringify({ schemaVersion: 1, series: priceHistory() }),
  );
  const service = await openTestService({ dataDir: dir, now: () => new Date(NOW) });
  // The current prices are newer than every stored point: a past Snapshot reads history.
  await service.call('prices.setManual', { asset: 'BTC', usd: '50000' });
  await service.call('prices.setManual', { asset: 'ETH', usd: '2500' });
  return service;
}

const history = (service: FarmService, series: string, from?: string) =>
  service.call('history.get', { series, ...(from ? { from } : {}) }) as Promise<HistoryPoint[]>;
const snapshotAt = (service: FarmService, asOf: string) =>
  service.call('snapshot.get', { asOf }) as Promise<Snapshot>;

/** Every `step`-th point, so the comparison stays quick. */
const every = <T>(items: readonly T[], step: number) => items.filter((_, i) => i % step === 0);

describe('derived history series', () => {
  it("a loan's LTV at each stored price equals its Snapshot then, from its start date on", async () => {
    const service = await start();
    const { id: _id, ...input } = sampleLoan({
      principal: '300000',
      startDate: '2026-11-20',
      collateralAmount: '8',
    });
    const loan = (await service.call('loans.create', input)) as { id: string };

    const points = await history(service, `loan.${loan.id}.ltvPct`);
    // 2026-11-20 00:00 to 2026-11-23 23:00, hourly: none before the loan was taken.
    expect(points).toHaveLength(4 * 24);
    expect(points[0]![0]).toBe('2026-11-20T00:00:00.000Z');
    for (const [at, ltv] of every(points, 7)) {
      const view = (await snapshotAt(service, at)).loans.find((l) => l.id === loan.id);
      expect({ at, ltv }).toEqual({ at, ltv: view?.ltvPct });
    }
    // Worked example: 300,000 at 12 % for 0 days over 8 BTC at 70,000 − 48 × 97.25 = 65,332.
    expect(points[0]![1]).toBe(
      (await snapshotAt(service, '2026-11-20T00:00:00Z')).loans[0]!.ltvPct,
    );
    expect(Number(points[0]![1])).toBeCloseTo((300_000 / (8 * 65_332)) * 100, 1);

    const ranged = await history(service, `loan.${loan.id}.ltvPct`, '2026-11-23T00:00:00Z');
    expect(ranged).toEqual(points.filter(([at]) => at >= '2026-11-23'));
  });

  it("a position's distance equals its Snapshot then, cross wallets included", async () => {
    const service = await start();
    const make = async (overrides: Parameters<typeof samplePosition>[0]) => {
      const { id: _id, ...input } = samplePosition({ account: 'Main', ...overrides });
      return (await service.call('positions.create', input)) as { id: string };
    };
    const isolated = await make({ openedAt: '2026-11-21T06:30:00Z' });
    const crossBtc = await make({
      marginMode: 'cross',
      walletBalance: '9000',
      openedAt: '2026-11-19T00:00:00Z',
    });
    // Joins the BTC position's wallet a day later and moves its liquidation price.
    await make({
      marginMode: 'cross',
      baseAsset: 'ETH',
      symbol: 'ETHUSDT',
      side: 'short',
      size: '3',
      entryPrice: '3050',
      openedAt: '2026-11-20T12:00:00Z',
    });

    const isolatedPoints = await history(
      service,
      `position.${isolated.id}.distanceToLiquidationPct`,
    );
    expect(isolatedPoints[0]![0]).toBe('2026-11-21T07:00:00.000Z');
    const crossPoints = await history(service, `position.${crossBtc.id}.distanceToLiquidationPct`);
    expect(crossPoints).toHaveLength(5 * 24);

    for (const [id, points] of [
      [isolated.id, isolatedPoints],
      [crossBtc.id, crossPoints],
    ] as const) {
      for (const [at, distance] of every(points, 5)) {
        const view = (await snapshotAt(service, at)).positions.find((p) => p.id === id);
        expect({ id, at, distance }).toEqual({ id, at, distance: view?.distanceToLiquidationPct });
      }
    }
  });

  it('an unknown loan or position has no points, and history.series lists the computed ones', async () => {
    const service = await start();
    const { id: _id, ...input } = sampleLoan({ startDate: '2026-11-20' });
    const loan = (await service.call('loans.create', input)) as { id: string };
    expect(await history(service, 'loan.nope.ltvPct')).toEqual([]);
    expect(await history(service, 'position.nope.distanceToLiquidationPct')).toEqual([]);
    expect(await service.call('history.series', {})).toEqual([
      `loan.${loan.id}.ltvPct`,
      'price.BTC',
      'price.ETH',
    ]);
  });
});
