import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ConnectionState, Host } from '../api/client';

// The host the app was started with, for hooks below the provider.

export const HostContext = createContext<Host | null>(null);

export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() needs a <SnapshotProvider> above it');
  return host;
}

export function useConnection(): ConnectionState {
  const host = useHost();
  return useSyncExternalStore(host.onConnection, host.connection);
}
