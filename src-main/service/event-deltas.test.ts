import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FullSnapshotEvent, RigLedgerEvent } from '#api/events';
import type { Snapshot } from '#api/snapshot';
import {
  applySnapshotDelta,
  type CollectionChanges,
  type SnapshotDelta,
  type VersionedSnapshot,
} from '#api/snapshot-delta';
import { openTestService } from './test-service';

// A client that starts from the full Snapshot and applies every delta in order holds
// exactly what `snapshot.get` answers: through the real service, for random sequences
// of record changes and price ticks.

const NOW = new Date('2026-12-01T12:00:00.000Z');

/** What crosses the wire: JSON, so the comparison sees what a browser would. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Each patched record's changed fields in a delta's collection, keyed by their path. */
function patchedFields(changes: CollectionChanges<unknown>): Map<string, Record<string, unknown>> {
  const byId = new Map<string, Record<string, unknown>>();
  for (const group of changes.patches ?? []) {
    for (const [id, ...values] of group.rows) {
      byId.set(id, Object.fromEntries(group.fields.map((path, i) => [path.join('.'), values[i]])));
    }
  }
  return byId;
}

const rig = (coin: 'BTC' | 'LTC', quantity: number) => ({
  name: `Rack ${coin} ${quantity}`,
  coin,
  hashrate: coin === 'BTC' ? '110' : '9.5',
  hashrateUnit: coin === 'BTC' ? 'TH/s' : 'GH/s',
  powerWatts: '3250',
  quantity,
  poolFeePct: '2',
  status: 'active',
});

const position = (size: string) => ({
  account: 'Main',
  exchange: 'Bybit',
  symbol: 'BTCUSDT',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  kind: 'linear',
  side: 'short',
  size,
  entryPrice: '90000',
  leverage: '5',
  marginMode: 'isolated',
  walletBalance: '9000',
  maintenanceMarginRate: '0.005',
  openedAt: '2026-11-20T08:00:00Z',
});

type Command =
  | { kind: 'add-rig'; coin: 'BTC' | 'LTC'; quantity: number }
  | { kind: 'update-rig'; pick: number; quantity: number }
  | { kind: 'remove-rig'; pick: number }
  | { kind: 'add-position'; size: string }
  | { kind: 'remove-position'; pick: number }
  | { kind: 'price'; asset: 'BTC' | 'LTC'; usd: number }
  | { kind: 'send' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('add-rig' as const),
    coin: fc.constantFrom('BTC' as const, 'LTC' as const),
    quantity: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({
    kind: fc.constant('update-rig' as const),
    pick: fc.nat(),
    quantity: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({ kind: fc.constant('remove-rig' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('add-position' as const),
    size: fc.constantFrom('0.1', '0.5', '2'),
  }),
  fc.record({ kind: fc.constant('remove-position' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('price' as const),
    asset: fc.constantFrom('BTC' as const, 'LTC' as const),
    usd: fc.integer({ min: 40, max: 160 }),
  }),
  fc.constant({ kind: 'send' as const }),
);

describe('snapshot deltas', () => {
  it('applied in order from the first full Snapshot, reproduce snapshot.get exactly', async () => {
    const service = await openTestService({ now: () => NOW });
    await service.call('prices.setManual', { asset: 'BTC', usd: '90000', confirm: true });
    await service.call('prices.setManual', { asset: 'LTC', usd: '80', confirm: true });
    const received: RigLedgerEvent[] = [];
    service.onEvent((event) => received.push(wire(event)));

    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 12 }), async (commands) => {
        received.length = 0;
        const start: FullSnapshotEvent = wire(service.eventBaseline());
        for (const c of commands) {
          const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
          const rigId =
            snapshot.rigs[
              c.kind === 'update-rig' || c.kind === 'remove-rig'
                ? c.pick % Math.max(1, snapshot.rigs.length)
                : 0
            ]?.id;
          const positionId =
            snapshot.positions[
              c.kind === 'remove-position' ? c.pick % Math.max(1, snapshot.positions.length) : 0
            ]?.id;
          if (c.kind === 'add-rig') await service.call('rigs.create', rig(c.coin, c.quantity));
          else if (c.kind === 'update-rig' && rigId)
            await service.call('rigs.update', { id: rigId, patch: { quantity: c.quantity } });
          else if (c.kind === 'remove-rig' && rigId)
            await service.call('rigs.remove', { id: rigId });
          else if (c.kind === 'add-position')
            await service.call('positions.create', position(c.size));
          else if (c.kind === 'remove-position' && positionId)
            await service.call('positions.remove', { id: positionId });
          else if (c.kind === 'price') {
            const usd = c.asset === 'BTC' ? c.usd * 1000 : c.usd;
            await service.call('prices.setManual', {
              asset: c.asset,
              usd: String(usd),
              confirm: true,
            });
          } else await service.flushEvents();
        }
        await service.flushEvents();

        let state: VersionedSnapshot = { version: start.version, snapshot: start.snapshot };
        for (const event of received) {
          if (event.type !== 'snapshot-delta') continue;
          // As the dashboard does: a delta sent before the full Snapshot was taken is in it.
          if (event.version <= state.version) continue;
          const next = applySnapshotDelta(state, event);
          expect(next, `delta ${event.version} follows ${state.version}`).not.toBeNull();
          if (next) state = next;
        }
        const expected = wire((await service.call('snapshot.get', {})) as Snapshot);
        expect(state.snapshot).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });

  it('carry only the records that changed, and keep the others as they were', async () => {
    const service = await openTestService({ now: () => NOW });
    await service.call('prices.setManual', { asset: 'BTC', usd: '90000', confirm: true });
    for (const quantity of [1, 2, 3]) await service.call('rigs.create', rig('BTC', quantity));
    await service.call('rigs.create', rig('LTC', 4));
    const deltas: SnapshotDelta[] = [];
    service.onEvent((event) => {
      if (event.type === 'snapshot-delta') deltas.push(wire(event));
    });
    await service.flushEvents();
    deltas.length = 0;
    const start = service.eventBaseline();
    const [first, second] = start.snapshot.rigs;
    if (!first || !second) throw new Error('the rigs were not created');

    await service.call('rigs.update', { id: first.id, patch: { quantity: 9 } });
    await service.flushEvents();
    expect(deltas).toHaveLength(1);
    // Only what changed of the rig: its quantity and the figures that follow from it.
    expect(deltas[0]?.rigs.upserts).toEqual([]);
    const patched = patchedFields(deltas[0]!.rigs);
    expect([...patched.keys()]).toEqual([first.id]);
    expect(patched.get(first.id)?.['quantity']).toBe(9);
    expect(patched.get(first.id)).not.toHaveProperty('name');
    expect(patched.get(first.id)?.['powerCostUsdPerDay']).toBeDefined();
    expect(deltas[0]?.rigs.removed).toEqual([]);
    expect(deltas[0]?.rigs.order).toBeUndefined();
    expect(deltas[0]?.loans.upserts).toEqual([]);

    const applied = applySnapshotDelta(start, deltas[0]!);
    expect(applied?.snapshot.rigs[1]).toBe(second); // the untouched rig is the same object

    // An LTC price tick can change only LTC figures: no BTC rig is sent again.
    await service.call('prices.setManual', { asset: 'LTC', usd: '95', confirm: true });
    await service.flushEvents();
    const btcIds = start.snapshot.rigs.filter((r) => r.coin === 'BTC').map((r) => r.id);
    const resent = [
      ...(deltas[1]?.rigs.upserts ?? []).map((r) => r.id),
      ...patchedFields(deltas[1]!.rigs).keys(),
    ];
    expect(btcIds).toHaveLength(3);
    expect(resent.filter((id) => btcIds.includes(id))).toEqual([]);
    expect(deltas[1]?.summary.prices['LTC']?.usd).toBe('95');

    await service.call('rigs.remove', { id: second.id });
    await service.flushEvents();
    expect(deltas[2]?.rigs.removed).toEqual([second.id]);
    expect(deltas[2]?.rigs.order).toHaveLength(3);
  });

  it('refuse a delta that does not follow the state held', async () => {
    const service = await openTestService({ now: () => NOW });
    const deltas: SnapshotDelta[] = [];
    service.onEvent((event) => {
      if (event.type === 'snapshot-delta') deltas.push(event);
    });
    const start = service.eventBaseline();
    await service.call('rigs.create', rig('BTC', 1));
    await service.flushEvents();
    await service.call('rigs.create', rig('BTC', 2));
    await service.flushEvents();
    expect(deltas.map((d) => d.version)).toEqual([start.version + 1, start.version + 2]);
    expect(applySnapshotDelta(start, deltas[1]!)).toBeNull();
  });
});
