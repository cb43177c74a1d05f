import { SNAPSHOT_EVENT_MIN_INTERVAL_MS, type RigLedgerEvent } from '#api/events';
import type { Snapshot } from '#api/snapshot';
import { describeError } from '#shared/describe-error';

// Fan-out of pushed events. Snapshot events are coalesced: many changes inside one
// 250 ms window produce one Snapshot, computed when it is sent so it is never outdated.

export interface EventHub {
  subscribe(listener: (event: RigLedgerEvent) => void): () => void;
  emit(event: RigLedgerEvent): void;
  snapshotChanged(): void;
  close(): void;
}

export function createEventHub(
  computeSnapshot: () => Snapshot,
  log: (line: string) => void,
): EventHub {
  const listeners = new Set<(event: RigLedgerEvent) => void>();
  let timer: NodeJS.Timeout | null = null;
  let lastSentAt = 0;

  function emit(event: RigLedgerEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log(`An event listener failed: ${describeError(error)}`);
      }
    }
  }

  function sendSnapshot(): void {
    timer = null;
    lastSentAt = Date.now();
    if (listeners.size === 0) return;
    try {
      emit({ type: 'snapshot', snapshot: computeSnapshot() });
    } catch (error) {
      log(`Could not compute the snapshot: ${describeError(error, { withStack: true })}`);
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    snapshotChanged() {
      if (timer) return;
      const wait = Math.max(0, lastSentAt + SNAPSHOT_EVENT_MIN_INTERVAL_MS - Date.now());
      timer = setTimeout(sendSnapshot, wait);
      timer.unref();
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      listeners.clear();
    },
  };
}
