import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '#api/records';
import type { PositionView, Snapshot } from '#api/snapshot';
import { samplePosition } from '#core/test-fixtures/sample-records';
import { openTestService } from './test-service';

// The position rules as properties, through the contract: positions.create, snapshot.get,
// positions.remove, on one real service (docs/formulas-positions.md).

const MARK = '60000';

const leg = fc.record({
  sizeMilli: fc.integer({ min: 1, max: 20_000 }),
  entry: fc.integer({ min: 30_000, max: 90_000 }),
  leverage: fc.integer({ min: 1, max: 50 }),
  mmrBp: fc.integer({ min: 10, max: 100 }),
  formula: fc.constantFrom('maintenance-at-liquidation' as const, 'maintenance-at-entry' as const),
});
type Leg = typeof leg extends fc.Arbitrary<infer T> ? T : never;

function input(t: Leg, side: Position['side'], overrides: Partial<Position> = {}) {
  const size = (t.sizeMilli / 1000).toFixed(3);
  const { id: _id, ...record } = samplePosition({
    side,
    size,
    entryPrice: String(t.entry),
    leverage: String(t.leverage),
    walletBalance: ((t.sizeMilli * t.entry) / 1000 / t.leverage).toFixed(2),
    maintenanceMarginRate: (t.mmrBp / 10_000).toFixed(4),
    maintenanceAmount: '0',
    formula: t.formula,
    openedAt: '2026-11-20T00:00:00Z',
    ...overrides,
  });
  return record;
}

async function service() {
  const farm = await openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });
  await farm.call('prices.setManual', { asset: 'BTC', usd: MARK });
  return {
    async views(inputs: ReturnType<typeof input>[]): Promise<PositionView[]> {
      const ids: string[] = [];
      for (const record of inputs)
        ids.push(((await farm.call('positions.create', record)) as { id: string }).id);
      const snapshot = (await farm.call('snapshot.get', {})) as Snapshot;
      for (const id of ids) await farm.call('positions.remove', { id });
      return ids.map((id) => snapshot.positions.find((p) => p.id === id)!);
    },
  };
}

const runs = { numRuns: 15 };

describe('position properties through the contract', () => {
  it('the long and short legs in one cross wallet show one shared price, reached the way the account leans', async () => {
    const farm = await service();
    await fc.assert(
      fc.asyncProperty(leg, leg, async (a, b) => {
        const cross = { marginMode: 'cross' as const, walletBalance: '20000' };
        const [long, short] = await farm.views([
          input(a, 'long', cross),
          input({ ...b, formula: a.formula }, 'short', cross),
        ]);
        expect(long?.liquidationPrice).toBe(short?.liquidationPrice);
        expect(long?.liquidationShared && short?.liquidationShared).toBe(true);
        // Net long beyond what the maintenance margin adds as the price rises → a fall liquidates
        // (Binance: the denominator Σ Q·MMR − Σ s·Q is negative); Bybit style: net long alone.
        const net = (a.sizeMilli - b.sizeMilli) * 10_000;
        const growth =
          a.formula === 'maintenance-at-entry' ? 0 : a.sizeMilli * a.mmrBp + b.sizeMilli * b.mmrBp;
        if (long?.liquidationPrice !== null && net !== growth) {
          expect(long?.liquidationDirection).toBe(net > growth ? 'fall' : 'rise');
        }
      }),
      runs,
    );
  });

  it('a single bracket gives the flat-rate figures', async () => {
    const farm = await service();
    await fc.assert(
      fc.asyncProperty(leg, fc.integer({ min: 1, max: 5_000_000 }), async (t, cap) => {
        const flat = input(t, 'long');
        const bracket = {
          notionalCap: String(cap),
          maintenanceMarginRate: flat.maintenanceMarginRate,
          maintenanceAmount: '0',
          maxLeverage: '125',
        };
        const [a, b] = await farm.views([flat, { ...flat, maintenanceBrackets: [bracket] }]);
        expect(b?.liquidationPrice).toBe(a?.liquidationPrice);
        expect(b?.marginRatioPct).toBe(a?.marginRatioPct);
      }),
      runs,
    );
  });

  it('ROE has the sign of the PnL in either exchange style', async () => {
    const farm = await service();
    await fc.assert(
      fc.asyncProperty(leg, fc.constantFrom('long' as const, 'short' as const), async (t, side) => {
        const [view] = await farm.views([input(t, side)]);
        const sign = (text: string | null | undefined) =>
          text === null || text === undefined ? null : Math.sign(Number(text));
        expect(sign(view?.roePct)).toBe(sign(view?.unrealizedPnl));
      }),
      runs,
    );
  });
});
