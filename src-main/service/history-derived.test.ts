import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MaintenanceBracket, Position } from '#api/records';
import type { PriceEntry, Snapshot } from '#api/snapshot';
import { distanceToLiquidationPct } from '#core/position-figures';
import { markPriceOf } from '#core/position-views';
import { crossWalletKey } from '#core/positions';
import { positionRisks } from '#core/positions-wallets';
import { sampleLoan, samplePosition } from '#core/test-fixtures/sample-records';
import { dec, decStrOrNull } from '#shared/decimal';
import type { HistoryPoint } from '#store/schema';
import { positionDistancePoints } from './history-derived';
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

// The straightforward derivation: at each point, the whole wallet's risks at that
// moment's marks (core positionRisks), as an as-of Snapshot computes them.
function distancesPointByPoint(
  position: Position,
  wallet: readonly Position[],
  series: Record<string, HistoryPoint[]>,
  notBefore: number,
): HistoryPoint[] {
  const own = [position.baseAsset, position.quoteAsset].filter((a) => series[a] !== undefined);
  const times = [...new Set(own.flatMap((a) => series[a]!.map(([at]) => Date.parse(at))))].sort(
    (a, b) => a - b,
  );
  const out: HistoryPoint[] = [];
  for (const t of times.filter((time) => time >= notBefore)) {
    const prices: Record<string, PriceEntry> = {};
    for (const [asset, points] of Object.entries(series)) {
      const last = points.filter(([at]) => Date.parse(at) <= t).at(-1);
      if (last !== undefined)
        prices[asset] = {
          usd: last[1],
          source: 'history',
          at: last[0],
          stale: false,
          manual: false,
          disputed: false,
          ageSec: 0,
          fromHistory: true,
        };
    }
    const mark = markPriceOf(position, prices);
    if (mark === null) continue;
    const open = wallet.filter((p) => Date.parse(p.openedAt) <= t);
    const liquidation = positionRisks([position, ...open], (p) => markPriceOf(p, prices)).get(
      position.id,
    )?.liquidation;
    const distance = decStrOrNull(
      distanceToLiquidationPct(liquidation?.direction ?? null, mark, liquidation?.price ?? null),
    );
    if (distance !== null) out.push([new Date(t).toISOString(), distance]);
  }
  return out;
}

const HOUR_0 = Date.parse('2026-01-01T00:00:00Z');
const at = (hour: number) => new Date(HOUR_0 + hour * HOUR).toISOString();

/** A price series: hourly points (some hours missing), prices between $1 and $200,000. */
const priceSeries = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 72 }),
      fc.integer({ min: 100, max: 20_000_000 }).map((cents) => (cents / 100).toFixed(2)),
    ),
    { minLength: 0, maxLength: 40 },
  )
  .map((points) =>
    [...new Map(points).entries()]
      .sort(([a], [b]) => a - b)
      .map(([hour, usd]): HistoryPoint => [at(hour), usd]),
  );

const bracketTable: MaintenanceBracket[] = [
  {
    notionalCap: '50000',
    maintenanceMarginRate: '0.004',
    maintenanceAmount: '0',
    maxLeverage: '125',
  },
  {
    notionalCap: '250000',
    maintenanceMarginRate: '0.005',
    maintenanceAmount: '50',
    maxLeverage: '100',
  },
  {
    notionalCap: '1000000',
    maintenanceMarginRate: '0.01',
    maintenanceAmount: '1300',
    maxLeverage: '50',
  },
  {
    notionalCap: '5000000',
    maintenanceMarginRate: '0.05',
    maintenanceAmount: '41300',
    maxLeverage: '10',
  },
];
const brackets = fc.constantFrom(undefined, bracketTable);

/** A position on BTC or ETH, linear or inverse, isolated or cross in one account. */
const position = fc
  .record({
    base: fc.constantFrom('BTC', 'ETH'),
    inverse: fc.boolean(),
    side: fc.constantFrom('long' as const, 'short' as const),
    size: fc.integer({ min: 1, max: 400 }),
    entry: fc.integer({ min: 500, max: 150_000 }),
    cross: fc.boolean(),
    wallet: fc.integer({ min: 1, max: 50_000 }),
    atEntry: fc.boolean(),
    brackets,
    openedHour: fc.integer({ min: -5, max: 60 }),
  })
  .map((r) =>
    samplePosition({
      account: 'Main',
      baseAsset: r.base,
      quoteAsset: r.inverse ? 'USD' : 'USDT',
      symbol: r.inverse ? `${r.base}USD_PERP` : `${r.base}USDT`,
      kind: r.inverse ? 'inverse' : 'linear',
      side: r.side,
      size: r.inverse ? String(r.size * 100) : (r.size / 100).toFixed(2),
      entryPrice: String(r.entry),
      marginMode: r.cross ? 'cross' : 'isolated',
      walletBalance: r.inverse ? (r.wallet / 10_000).toFixed(4) : String(r.wallet),
      formula: r.atEntry ? 'maintenance-at-entry' : 'maintenance-at-liquidation',
      ...(r.brackets === undefined ? {} : { maintenanceBrackets: r.brackets }),
      openedAt: at(r.openedHour),
    }),
  );

describe('a past distance worked out per stretch of an unchanged wallet', () => {
  it('equals the point-by-point derivation on random prices and wallets', () => {
    fc.assert(
      fc.property(
        priceSeries,
        priceSeries,
        fc.array(position, { minLength: 1, maxLength: 5 }),
        // The other leg of the first position's symbol, a little smaller or larger (hedge
        // mode): such a pair can be liquidated both by a fall and by a rise.
        fc.option(
          fc.record({
            step: fc.integer({ min: -3, max: 3 }),
            wallet: fc.integer({ min: 1, max: 3_000 }),
            openedHour: fc.integer({ min: 0, max: 60 }),
          }),
          { nil: undefined },
        ),
        fc.option(fc.integer({ min: 0, max: 72 }), { nil: undefined }),
        (btc, eth, book, hedge, fromHour) => {
          const first = book[0]!;
          // Legs of one wallet carry its balance: a small one, so both ways can liquidate.
          const pair = (p: Position): Position => ({
            ...p,
            marginMode: 'cross',
            walletBalance:
              p.kind === 'inverse' ? (hedge!.wallet / 100_000).toFixed(5) : String(hedge!.wallet),
          });
          const legs =
            hedge === undefined
              ? book
              : [
                  pair(first),
                  ...book.slice(1),
                  pair({
                    ...first,
                    side: first.side === 'long' ? 'short' : 'long',
                    size: dec(first.size)
                      .mul(dec(100 + hedge.step).div(100))
                      .toFixed(),
                    openedAt: at(hedge.openedHour),
                  }),
                ];
          const records = legs.map((p, i) => ({ ...p, id: `pos-${i}` }));
          const [subject, ...rest] = records as [Position, ...Position[]];
          const wallet = rest.filter(
            (p) =>
              subject.marginMode === 'cross' &&
              p.marginMode === 'cross' &&
              crossWalletKey(p) === crossWalletKey(subject),
          );
          const series = { BTC: btc, ETH: eth };
          const notBefore = Date.parse(subject.openedAt);
          const from = fromHour === undefined ? undefined : at(fromHour);
          const expected = distancesPointByPoint(
            subject,
            wallet,
            series,
            Math.max(notBefore, from === undefined ? -Infinity : Date.parse(from)),
          );
          expect(positionDistancePoints(subject, wallet, series, from, notBefore)).toEqual(
            expected,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
