import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '#api/snapshot';
import type { SnapshotDelta } from '#api/snapshot-delta';
import type { Alert } from '#api/records';
import { activeAlertsOf, createSnapshotStore, sharedParts } from './snapshot-store';

// The page's store: deltas in order, identities kept for what did not change, and a
// delta that does not follow refused so the page asks for the full state again.

const alert = (id: string, message: string): Alert => ({
  id,
  rule: 'price.stale',
  severity: 'warning',
  level: 1,
  subjectKind: 'price',
  subjectId: 'BTC',
  message,
  value: null,
  threshold: null,
  raisedAt: '2026-12-01T00:00:00.000Z',
});

const snapshot: Snapshot = {
  asOf: '2026-12-01T00:00:00.000Z',
  offline: true,
  scenario: null,
  prices: {},
  assetsInUse: [],
  network: {},
  farm: {
    hashPower: [],
    powerWatts: '0',
    revenueUsdPerDay: null,
    revenueLostUsdPerDay: null,
    powerCostUsdPerDay: '0',
    profitUsdPerDay: null,
    debtUsd: '0',
    collateralUsd: null,
    worstHealthFactor: null,
    btcHashpriceUsdPerPhDay: null,
  },
  rigs: [],
  loans: [],
  positions: [],
  alerts: [alert('a1', 'first'), alert('a2', 'second')],
  notices: [],
};

const { rigs: _r, loans: _l, positions: _p, alerts: _a, ...summary } = snapshot;
const none = { upserts: [], removed: [] };
const delta = (version: number, alerts: SnapshotDelta['alerts']): SnapshotDelta => ({
  type: 'snapshot-delta',
  version,
  summary: { ...summary, asOf: `2026-12-01T00:00:0${version}.000Z` },
  rigs: none,
  loans: none,
  positions: none,
  alerts,
});

describe('the snapshot store', () => {
  it('applies deltas in order and keeps unchanged records and lists as they were', () => {
    const store = createSnapshotStore(
      () => 0,
      (flush) => flush(),
    );
    store.acceptFull({ type: 'snapshot', version: 1, snapshot });
    const before = store.get().current?.snapshot;
    expect(store.acceptDelta(delta(2, { upserts: [alert('a2', 'changed')], removed: [] }))).toBe(
      true,
    );
    const after = store.get().current?.snapshot;
    expect(after?.alerts.map((a) => a.message)).toEqual(['first', 'changed']);
    expect(after?.alerts[0]).toBe(before?.alerts[0]);
    expect(after?.rigs).toBe(before?.rigs);
    expect(after?.asOf).toBe('2026-12-01T00:00:02.000Z');
  });

  it('refuses a delta after a missed one, and ignores one the full state already holds', () => {
    const store = createSnapshotStore(
      () => 0,
      (flush) => flush(),
    );
    let published = 0;
    store.subscribe(() => (published += 1));
    expect(store.acceptDelta(delta(1, none))).toBe(false); // nothing to apply it to yet
    store.acceptFull({ type: 'snapshot', version: 5, snapshot });
    expect(store.acceptDelta(delta(5, none))).toBe(true);
    expect(store.acceptDelta(delta(7, none))).toBe(false);
    expect(store.get().current?.version).toBe(5);
    expect(published).toBe(1);
  });

  it('follows removals and a new order', () => {
    const store = createSnapshotStore(
      () => 0,
      (flush) => flush(),
    );
    store.acceptFull({ type: 'snapshot', version: 1, snapshot });
    store.acceptDelta(
      delta(2, { upserts: [alert('a3', 'third')], removed: ['a1'], order: ['a3', 'a2'] }),
    );
    expect(store.get().current?.snapshot.alerts.map((a) => a.id)).toEqual(['a3', 'a2']);
  });

  it('shows a pushed alert change at once, until the state that carries it arrives', () => {
    const store = createSnapshotStore(
      () => 0,
      (flush) => flush(),
    );
    store.acceptFull({ type: 'snapshot', version: 1, snapshot });
    const critical = {
      ...alert('a3', 'BTCUSDT long 3 % from liquidation'),
      severity: 'critical' as const,
    };
    store.acceptAlert({ type: 'alert', change: 'raised', alert: critical, notify: true });
    store.acceptAlert({
      type: 'alert',
      change: 'cleared',
      alert: alert('a1', 'first'),
      notify: false,
    });
    expect(activeAlertsOf(store.get()).map((a) => a.id)).toEqual(['a2', 'a3']);
    // The same state gives the same list (a component reading it does not re-render).
    expect(activeAlertsOf(store.get())).toBe(activeAlertsOf(store.get()));

    // The delta computed after those changes carries them: the page shows its list.
    expect(
      store.acceptDelta(delta(2, { upserts: [critical], removed: ['a1'], order: ['a2', 'a3'] })),
    ).toBe(true);
    expect(store.get().alertsSince).toEqual([]);
    expect(activeAlertsOf(store.get())).toBe(store.get().current?.snapshot.alerts);
    expect(activeAlertsOf(store.get()).map((a) => a.id)).toEqual(['a2', 'a3']);
  });

  it('tells its listeners once per burst, and keeps the notice that matters most', () => {
    const flushes: (() => void)[] = [];
    const store = createSnapshotStore(
      () => 0,
      (flush) => flushes.push(flush),
    );
    let published = 0;
    store.subscribe(() => (published += 1));
    store.acceptFull({ type: 'snapshot', version: 1, snapshot });
    const critical = {
      ...alert('c1', 'BTCUSDT long past liquidation'),
      severity: 'critical' as const,
    };
    store.acceptAlert({ type: 'alert', change: 'raised', alert: critical, notify: true });
    // A warning and a muted change arrive in the same burst: the critical notice stays.
    store.acceptAlert({
      type: 'alert',
      change: 'raised',
      alert: alert('w1', 'warning'),
      notify: true,
    });
    store.acceptAlert({
      type: 'alert',
      change: 'cleared',
      alert: alert('a1', 'first'),
      notify: false,
    });
    // The state is current at once; the listeners hear of it once.
    expect(activeAlertsOf(store.get()).map((a) => a.id)).toEqual(['a2', 'c1', 'w1']);
    expect(store.get().lastAlert?.alert.id).toBe('c1');
    expect(flushes).toHaveLength(1);
    flushes.shift()!();
    expect(published).toBe(1);
    // The next burst starts afresh: its own latest notice is shown.
    store.acceptAlert({
      type: 'alert',
      change: 'raised',
      alert: alert('w2', 'later'),
      notify: true,
    });
    expect(store.get().lastAlert?.alert.id).toBe('w2');
    flushes.shift()!();
    expect(published).toBe(2);
  });
});

describe('sharedParts', () => {
  it('equals the new value and keeps every part that did not change as it was', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(value, value, (previous, changed) => {
        // A next state built from the previous one with one part changed, as new objects.
        const copy = structuredClone(previous);
        const next =
          typeof copy === 'object' && copy !== null && !Array.isArray(copy)
            ? { ...copy, changed }
            : copy;
        const merged = sharedParts(previous, next);
        expect(merged).toEqual(next);
        if (typeof previous === 'object' && previous !== null && !Array.isArray(previous)) {
          for (const [key, part] of Object.entries(previous)) {
            if (key !== 'changed') expect((merged as Record<string, unknown>)[key]).toBe(part);
          }
        } else {
          expect(merged).toBe(previous);
        }
      }),
    );
  });

  it('keeps the summary parts a tick did not touch', () => {
    const store = createSnapshotStore(Date.now, (flush) => flush());
    const start = {
      ...snapshot,
      prices: { BTC: { usd: '1' }, LTC: { usd: '2' } },
    } as unknown as Snapshot;
    store.acceptFull({ type: 'snapshot', version: 1, snapshot: start });
    const { rigs: _r, loans: _l, positions: _p, alerts: _a, ...summary } = structuredClone(start);
    const none = { upserts: [], removed: [] };
    store.acceptDelta({
      type: 'snapshot-delta',
      version: 2,
      summary: { ...summary, prices: { ...summary.prices, BTC: { usd: '3' } } },
      rigs: none,
      loans: none,
      positions: none,
      alerts: none,
    } as unknown as SnapshotDelta);
    const after = store.get().current!.snapshot;
    expect(after.prices['BTC']).toEqual({ usd: '3' });
    expect(after.prices['LTC']).toBe(start.prices['LTC']);
    expect(after.farm).toBe(start.farm);
    expect(after.network).toBe(start.network);
  });
});
