import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RpcError } from '#api/errors';
import type { Host } from '../api/client';
import { toRpcError } from '../api/rpc-failure';
import { HostContext } from './host-context';
import { SnapshotContext, type SnapshotShell } from './snapshot-context';
import { createSnapshotStore } from './snapshot-store';

// Holds the live farm: the push channel starts with a full Snapshot, then deltas are
// applied in order. A delta that does not follow (a version missed) asks the host to
// start over from a full Snapshot; so does a push channel that comes back from a drop.

/** How long an edit waits for its change to arrive before asking for the full state. */
const REFRESH_RESYNC_MS = 2_000;
/** With no Snapshot after this long, `snapshot.get` is asked so a failure can be shown. */
const FIRST_SNAPSHOT_CHECK_MS = 8_000;

export function SnapshotProvider({ host, children }: { host: Host; children: ReactNode }) {
  const store = useMemo(() => createSnapshotStore(), []);
  const [error, setError] = useState<RpcError | null>(null);
  const waiting = useRef<(() => void)[]>([]);

  const settleWaiting = useCallback(() => {
    for (const resolve of waiting.current.splice(0)) resolve();
  }, []);

  useEffect(() => {
    const stop = host.bridge.onEvent((event) => {
      if (event.type === 'snapshot') {
        store.acceptFull(event);
        setError(null);
        settleWaiting();
      } else if (event.type === 'snapshot-delta') {
        if (store.acceptDelta(event)) settleWaiting();
        else host.bridge.resync();
      } else {
        // The banner shows it now; the delta that carries it follows (snapshot-store.ts).
        // A burst of them (a crash) reaches the page as one render.
        store.acceptAlert(event);
      }
    });
    const check = setTimeout(() => {
      if (store.get().current !== null) return;
      host.bridge.call('snapshot.get', {}).then(
        () => host.bridge.resync(),
        (cause: unknown) => {
          const failure = toRpcError(cause);
          console.error('RigLedger: the farm could not be loaded', failure);
          if (store.get().current === null) setError(failure);
        },
      );
    }, FIRST_SNAPSHOT_CHECK_MS);
    return () => {
      clearTimeout(check);
      stop();
    };
  }, [host, store, settleWaiting]);

  useEffect(() => {
    let previous = host.connection();
    return host.onConnection((state) => {
      if (state === 'connected' && previous === 'reconnecting') host.bridge.resync();
      previous = state;
    });
  }, [host]);

  // An edit's change reaches the page as the next delta (within a quarter second); if none
  // comes, the full state is asked for.
  const refresh = useCallback(
    () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => host.bridge.resync(), REFRESH_RESYNC_MS);
        waiting.current.push(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    [host],
  );

  const value = useMemo<SnapshotShell>(() => ({ store, error, refresh }), [store, error, refresh]);

  return (
    <HostContext.Provider value={host}>
      <SnapshotContext.Provider value={value}>{children}</SnapshotContext.Provider>
    </HostContext.Provider>
  );
}
