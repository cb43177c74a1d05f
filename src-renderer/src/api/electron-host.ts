import type { DesktopBridge, RigLedgerBridge } from '#api/events';
import { connectionCell, type Host } from './host';
import { decodePushedEvent } from './pushed-event';
import { toRpcError } from './rpc-failure';

// The desktop transport: the preload's `window.rigledger`. IPC does not drop, so the
// channel is connected for the life of the window; errors are normalised and events
// validated exactly like the browser's.

export function connectElectronHost(preload: DesktopBridge): Host {
  const state = connectionCell('connected');
  const bridge: RigLedgerBridge = {
    call: (method, params) =>
      preload.call(method, params).catch((cause: unknown) => Promise.reject(toRpcError(cause))),
    onEvent: (listener) =>
      preload.onEvent((raw: unknown) => {
        const name =
          typeof raw === 'object' && raw !== null && 'type' in raw && typeof raw.type === 'string'
            ? raw.type
            : 'unknown';
        const event = decodePushedEvent(name, raw);
        if (event) listener(event);
      }),
    resync: () => preload.resync(),
  };
  return {
    bridge,
    notifications: 'desktop-app',
    saveReportPdf: (report) =>
      preload.saveReportPdf(report).catch((cause: unknown) => Promise.reject(toRpcError(cause))),
    connection: state.get,
    onConnection: state.subscribe,
  };
}
