import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Snapshot } from '#api/snapshot';
import type { RpcError } from '#api/errors';
import type { Host } from '../api/client';
import { toRpcError } from '../api/rpc-failure';
import { HostContext } from './host-context';
import { SnapshotContext, type AlertNotice, type SnapshotState } from './snapshot-context';

// Holds the one live Snapshot: `snapshot.get` first, then every pushed snapshot event.
// After the push channel comes back from a drop, it asks again so nothing is missed.

export function SnapshotProvider({ host, children }: { host: Host; children: ReactNode }) {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  const [error, setError] = useState<RpcError | null>(null);
  const [lastAlert, setLastAlert] = useState<AlertNotice | null>(null);
  const latestRequest = useRef(0);

  const accept = useCallback((next: Snapshot) => {
    setSnapshot(next);
    setReceivedAt(Date.now());
    setError(null);
  }, []);

  const refresh = useCallback(async () => {
    const request = ++latestRequest.current;
    try {
      const next = await host.bridge.call('snapshot.get', {});
      if (request === latestRequest.current) accept(next);
    } catch (cause) {
      const failure = toRpcError(cause);
      console.error('RigLedger: snapshot.get failed', failure);
      if (request === latestRequest.current) setError(failure);
    }
  }, [host, accept]);

  useEffect(() => {
    const stop = host.bridge.onEvent((event) => {
      if (event.type === 'snapshot') {
        latestRequest.current++;
        accept(event.snapshot);
      } else {
        setLastAlert({
          change: event.change,
          alert: event.alert,
          notify: event.notify,
          receivedAt: Date.now(),
        });
      }
    });
    void refresh();
    return stop;
  }, [host, accept, refresh]);

  useEffect(() => {
    let previous = host.connection();
    return host.onConnection((state) => {
      if (state === 'connected' && previous === 'reconnecting') void refresh();
      previous = state;
    });
  }, [host, refresh]);

  const value = useMemo<SnapshotState>(
    () => ({ snapshot, error, receivedAt, lastAlert, refresh }),
    [snapshot, error, receivedAt, lastAlert, refresh],
  );

  return (
    <HostContext.Provider value={host}>
      <SnapshotContext.Provider value={value}>{children}</SnapshotContext.Provider>
    </HostContext.Provider>
  );
}
