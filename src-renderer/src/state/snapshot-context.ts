import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Snapshot } from '#api/snapshot';
import type { RpcError } from '#api/errors';
import type { Alert } from '#api/records';
import { activeAlertsOf, snapshotOf, type AlertNotice, type SnapshotStore } from './snapshot-store';

export type { AlertNotice } from './snapshot-store';

/** What changes rarely; the Snapshot itself is read from the store (see useSnapshotSelect). */
export interface SnapshotShell {
  store: SnapshotStore;
  /** Why the first snapshot could not be loaded, if it could not. */
  error: RpcError | null;
  /** Resolves once the state includes the latest change (after an edit, say). */
  refresh(): Promise<void>;
}

export interface SnapshotState extends Omit<SnapshotShell, 'store'> {
  snapshot: Snapshot | null;
  /** The latest pushed alert change, for a passing notice (kept in the store, so a burst of alerts does not re-render every page). */
  lastAlert: AlertNotice | null;
  /** Date.now() when the current snapshot arrived; price ages count on from here. */
  receivedAt: number;
}

export const SnapshotContext = createContext<SnapshotShell | null>(null);

function useShell(): SnapshotShell {
  const shell = useContext(SnapshotContext);
  if (!shell) throw new Error('useSnapshot() needs a <SnapshotProvider> above it');
  return shell;
}

/**
 * One part of the current Snapshot. The component re-renders only when what `select`
 * returns changes identity: unchanged record lists and records keep theirs.
 */
export function useSnapshotSelect<T>(select: (snapshot: Snapshot | null) => T): T {
  const { store } = useShell();
  return useSyncExternalStore(store.subscribe, () => select(snapshotOf(store.get())));
}

export function useSnapshotState(): SnapshotState {
  const { store, error, refresh } = useShell();
  const state = useSyncExternalStore(store.subscribe, store.get);
  return {
    snapshot: snapshotOf(state),
    receivedAt: state.receivedAt,
    error,
    lastAlert: state.lastAlert,
    refresh,
  };
}

/** The current Snapshot (null until the first one arrives). */
export function useSnapshot(): Snapshot | null {
  const { store } = useShell();
  return useSyncExternalStore(store.subscribe, () => snapshotOf(store.get()));
}

/** The active alerts, alert events pushed since the current state included. */
export function useActiveAlerts(): Alert[] {
  const { store } = useShell();
  return useSyncExternalStore(store.subscribe, () => activeAlertsOf(store.get()));
}

/** Resolves once the state includes the latest change; reading it re-renders nothing. */
export function useRefresh(): () => Promise<void> {
  return useShell().refresh;
}

/** The pushed alert change to tell the operator of; re-renders only when it changes. */
export function useLastAlert(): AlertNotice | null {
  const { store } = useShell();
  return useSyncExternalStore(store.subscribe, () => store.get().lastAlert);
}
