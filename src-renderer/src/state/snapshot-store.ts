import type { AlertEvent, FullSnapshotEvent } from '#api/events';
import type { Alert } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import {
  applySnapshotDelta,
  type SnapshotDelta,
  type VersionedSnapshot,
} from '#api/snapshot-delta';

// The page's copy of the farm, keyed by record id and versioned like the event stream.
// Deltas are applied in order; unchanged records and lists keep their identity, so a
// component that selects them does not re-render when something else changed.

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

export function createSnapshotStore(now: () => number = Date.now): SnapshotStore {
  let state: SnapshotStoreState = { current: null, receivedAt: now(), alertsSince: [] };
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const publish = (current: VersionedSnapshot) => {
    state = { current, receivedAt: now(), alertsSince: [] };
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
      publish(next);
      return true;
    },
    acceptAlert(event) {
      state = { ...state, alertsSince: [...state.alertsSince, event] };
      notify();
    },
  };
}

/** The Snapshot the store holds, or null before the first. */
export const snapshotOf = (state: SnapshotStoreState): Snapshot | null =>
  state.current?.snapshot ?? null;
