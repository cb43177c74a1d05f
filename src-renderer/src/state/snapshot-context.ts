import { createContext, useContext } from 'react';
import type { Snapshot } from '#api/snapshot';
import type { RpcError } from '#api/errors';
import type { AlertChange } from '#api/events';
import type { Alert } from '#api/records';

export interface AlertNotice {
  change: AlertChange;
  alert: Alert;
  /** False when the alert is acknowledged or muted: the host asks for no notice. */
  notify: boolean;
  receivedAt: number;
}

export interface SnapshotState {
  snapshot: Snapshot | null;
  /** Why the first snapshot could not be loaded, if it could not. */
  error: RpcError | null;
  /** Date.now() when the current snapshot arrived; price ages count on from here. */
  receivedAt: number;
  /** The latest pushed alert change, for a passing notice. */
  lastAlert: AlertNotice | null;
  /** Asks the host for a fresh snapshot now (after a change, or on reconnect). */
  refresh(): Promise<void>;
}

export const SnapshotContext = createContext<SnapshotState | null>(null);

export function useSnapshotState(): SnapshotState {
  const state = useContext(SnapshotContext);
  if (!state) throw new Error('useSnapshot() needs a <SnapshotProvider> above it');
  return state;
}

/** The current Snapshot (null until the first one arrives). */
export function useSnapshot(): Snapshot | null {
  return useSnapshotState().snapshot;
}
