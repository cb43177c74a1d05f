import {
  SNAPSHOT_EVENT_MIN_INTERVAL_MS,
  type FullSnapshotEvent,
  type RigLedgerEvent,
} from '#api/events';
import type { Snapshot } from '#api/snapshot';
import { describeError } from '#shared/describe-error';
import { createDeltaTracker } from './snapshot-deltas';

// Fan-out of pushed events. Changes are coalesced: many inside one 250 ms window produce
// one Snapshot, computed when it is sent so it is never outdated, and sent as a delta
// against the version before (docs/architecture.md "Pushed events").

export interface EventHub {
  subscribe(listener: (event: RigLedgerEvent) => void): () => void;
  emit(event: RigLedgerEvent): void;
  snapshotChanged(): void;
  /**
   * The full state the latest delta led to, for a client starting (or restarting) its
   * stream. When changes wait, they are sent first so the versions stay one chain.
   */
  baseline(): FullSnapshotEvent;
  /** Sends waiting changes now instead of at the end of the window. */
  flush(): void;
  close(): void;
}

export function createEventHub(
  computeSnapshot: () => Snapshot,
  log: (line: string) => void,
): EventHub {
  const listeners = new Set<(event: RigLedgerEvent) => void>();
  const tracker = createDeltaTracker();
  let timer: NodeJS.Timeout | null = null;
  let lastSentAt = 0;
  let dirty = true;
  let full: FullSnapshotEvent | null = null;

  function emit(event: RigLedgerEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log(`An event listener failed: ${describeError(error)}`);
      }
    }
  }

  /** Computes the current state and emits its delta to the listeners. */
  function advance(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    lastSentAt = Date.now();
    dirty = false;
    full = null;
    try {
      const delta = tracker.next(computeSnapshot());
      if (delta !== null) emit(delta);
    } catch (error) {
      dirty = true;
      log(`Could not compute the snapshot: ${describeError(error, { withStack: true })}`);
    }
  }

  function sendSnapshot(): void {
    timer = null;
    // Nobody listens: leave the work to the next client's baseline.
    if (listeners.size === 0) return;
    advance();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    snapshotChanged() {
      dirty = true;
      if (timer) return;
      const wait = Math.max(0, lastSentAt + SNAPSHOT_EVENT_MIN_INTERVAL_MS - Date.now());
      timer = setTimeout(sendSnapshot, wait);
      timer.unref();
    },
    baseline() {
      if (dirty || tracker.current() === null) advance();
      const current = tracker.current();
      if (current === null) throw new Error('The current Snapshot could not be computed.');
      // One event object per version, so hosts stringify it once for every client.
      if (full === null || full.version !== current.version) {
        full = { type: 'snapshot', version: current.version, snapshot: current.snapshot };
      }
      return full;
    },
    flush() {
      if (timer) advance();
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      listeners.clear();
    },
  };
}
