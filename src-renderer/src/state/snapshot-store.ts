import type { FullSnapshotEvent } from '#api/events';
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
}

export interface SnapshotStore {
  get(): SnapshotStoreState;
  subscribe(listener: () => void): () => void;
  /** Takes a full Snapshot: the start of a stream, or a resync. */
  acceptFull(event: FullSnapshotEvent): void;
  /** Applies a delta; false when it does not follow (the caller must resync). */
  acceptDelta(delta: SnapshotDelta): boolean;
}

export function createSnapshotStore(now: () => number = Date.now): SnapshotStore {
  let state: SnapshotStoreState = { current: null, receivedAt: now() };
  const listeners = new Set<() => void>();
  const publish = (current: VersionedSnapshot) => {
    state = { current, receivedAt: now() };
    for (const listener of listeners) listener();
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
  };
}

/** The Snapshot the store holds, or null before the first. */
export const snapshotOf = (state: SnapshotStoreState): Snapshot | null =>
  state.current?.snapshot ?? null;
