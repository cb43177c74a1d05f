import type { AlertEvent, FullSnapshotEvent } from '#api/events';
import type { Alert } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import { applySnapshotDelta, type VersionedSnapshot } from '#api/snapshot-apply';
import type { SnapshotDelta } from '#api/snapshot-delta';

// The page's copy of the farm, keyed by record id and versioned like the event stream.
// Deltas are applied in order; unchanged records and lists keep their identity, so a
// component that selects them does not re-render when something else changed.

/** A pushed alert change, for a passing notice and a system notification. */
export interface AlertNotice {
  change: AlertEvent['change'];
  alert: Alert;
  /** False when the alert is acknowledged or muted: the host asks for no notice. */
  notify: boolean;
  receivedAt: number;
}

export interface SnapshotStoreState {
  current: VersionedSnapshot | null;
  /** Date.now() when the current state arrived; price ages count on from here. */
  receivedAt: number;
  /**
   * Alert changes pushed since the current state: an alert event leaves the host as soon as
   * the alert is stored, while the delta that carries it waits for its quarter-second
   * window (and, on a large farm, for thousands of changed rows). The next state includes
   * them, so they are dropped when it arrives.
   */
  alertsSince: readonly AlertEvent[];
  /**
   * The pushed alert change to tell the operator of: the latest, except that within one
   * burst (a crash raises hundreds at once) one that asks for a notice wins over one that
   * does not, and a critical one over a warning.
   */
  lastAlert: AlertNotice | null;
}

export interface SnapshotStore {
  get(): SnapshotStoreState;
  subscribe(listener: () => void): () => void;
  /** Takes a full Snapshot: the start of a stream, or a resync. */
  acceptFull(event: FullSnapshotEvent): void;
  /** Applies a delta; false when it does not follow (the caller must resync). */
  acceptDelta(delta: SnapshotDelta): boolean;
  /** Takes a pushed alert change ahead of the state that will include it. */
  acceptAlert(event: AlertEvent): void;
}

const activeAlerts = new WeakMap<SnapshotStoreState, Alert[]>();

/**
 * The active alerts as the page should show them: the state's own, with the alert changes
 * pushed since applied (raised or escalated: in, as sent; cleared: out). One array per
 * state, so a component reading it re-renders only when it changes.
 */
export function activeAlertsOf(state: SnapshotStoreState): Alert[] {
  const known = activeAlerts.get(state);
  if (known) return known;
  const base = state.current?.snapshot.alerts ?? [];
  let alerts = base;
  if (state.alertsSince.length > 0) {
    const byId = new Map(base.map((a) => [a.id, a]));
    for (const event of state.alertsSince) {
      if (event.change === 'cleared') byId.delete(event.alert.id);
      else byId.set(event.alert.id, event.alert);
    }
    alerts = [...byId.values()];
  }
  activeAlerts.set(state, alerts);
  return alerts;
}

/**
 * Calls `flush` before the next frame is painted, or after 50 ms where no frame comes (a
 * tab in the background): the changes of one burst of events reach the page as one
 * render instead of one render per event.
 */
export function beforeNextFrame(flush: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    flush();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  setTimeout(run, 50);
}

const noticeRank = (notice: AlertNotice): number =>
  (notice.notify && notice.change !== 'cleared' ? 2 : 0) +
  (notice.alert.severity === 'critical' ? 1 : 0);

/**
 * `next` with every part that equals the same part of `previous` (a value, or an object
 * or list holding equal values all the way down) replaced by the previous one. A delta
 * carries the whole summary, new objects every time: kept as they were, the parts a tick
 * did not change (the network, another coin's price, the hash power) keep their identity,
 * and what shows them does not render again.
 */
export function sharedParts<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return next;
  if (
    typeof previous !== 'object' ||
    typeof next !== 'object' ||
    previous === null ||
    next === null
  ) {
    return next;
  }
  if (Array.isArray(previous) !== Array.isArray(next)) return next;
  if (Array.isArray(next)) {
    const before = previous as unknown[];
    let same = before.length === next.length;
    const merged = next.map((item, i) => {
      const kept = sharedParts(before[i], item);
      if (kept !== before[i]) same = false;
      return kept;
    });
    return (same ? before : merged) as T;
  }
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  let same = keys.length === Object.keys(before).length;
  const merged: Record<string, unknown> = {};
  for (const key of keys) {
    const kept = sharedParts(before[key], after[key]);
    if (kept !== before[key] || !Object.hasOwn(before, key)) same = false;
    merged[key] = kept;
  }
  return (same ? before : merged) as T;
}

function sharedSummary(previous: Snapshot, next: Snapshot): Snapshot {
  const { rigs, loans, positions, alerts, ...summary } = next;
  const {
    rigs: _rigs,
    loans: _loans,
    positions: _positions,
    alerts: _alerts,
    ...before
  } = previous;
  return { ...sharedParts(before, summary), rigs, loans, positions, alerts };
}

export function createSnapshotStore(
  now: () => number = Date.now,
  /** When listeners hear of changes; the state itself changes at once. */
  schedule: (flush: () => void) => void = beforeNextFrame,
): SnapshotStore {
  let state: SnapshotStoreState = {
    current: null,
    receivedAt: now(),
    alertsSince: [],
    lastAlert: null,
  };
  const listeners = new Set<() => void>();
  let scheduled = false;
  /** The notice of the burst not yet flushed to the listeners. */
  let burstNotice: AlertNotice | null = null;
  const notify = () => {
    if (scheduled) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      burstNotice = null;
      for (const listener of listeners) listener();
    });
  };
  const publish = (current: VersionedSnapshot) => {
    state = { current, receivedAt: now(), alertsSince: [], lastAlert: state.lastAlert };
    notify();
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    acceptFull(event) {
      publish({ version: event.version, snapshot: event.snapshot });
    },
    acceptDelta(delta) {
      const current = state.current;
      if (current === null) return false;
      // Already part of a full Snapshot taken after it was sent.
      if (delta.version <= current.version) return true;
      const next = applySnapshotDelta(current, delta);
      if (next === null) return false;
      publish({ version: next.version, snapshot: sharedSummary(current.snapshot, next.snapshot) });
      return true;
    },
    acceptAlert(event) {
      const notice: AlertNotice = {
        change: event.change,
        alert: event.alert,
        notify: event.notify,
        receivedAt: now(),
      };
      const told =
        burstNotice !== null && noticeRank(burstNotice) > noticeRank(notice) ? burstNotice : notice;
      burstNotice = told;
      state = { ...state, alertsSince: [...state.alertsSince, event], lastAlert: told };
      notify();
    },
  };
}

/** The Snapshot the store holds, or null before the first. */
export const snapshotOf = (state: SnapshotStoreState): Snapshot | null =>
  state.current?.snapshot ?? null;
