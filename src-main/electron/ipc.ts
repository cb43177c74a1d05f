import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import type { RigLedgerEvent } from '#api/events';
import { RpcError } from '#api/errors';
import { toRpcFailure } from '#service/dispatch';
import type { FarmService } from '#service/types';
import { EVENT_CHANNEL, EVENT_RESYNC_CHANNEL, RPC_CHANNEL, type RpcEnvelope } from './ipc-channel';
import { isTrustedSender } from './ipc-sender';
import type { RendererLocation } from './renderer-location';
import { describeError } from '#shared/describe-error';

// The Electron side of the contract: one `rpc` handler that answers only the dashboard's
// own main frame, and the service's events forwarded to the window.

export interface IpcBridgeOptions {
  service: FarmService;
  location: RendererLocation;
  /** The window allowed to call; null while none is open. */
  mainWindow: () => BrowserWindow | null;
  log: (line: string) => void;
}

/** A failure as the envelope's error; the dispatcher's rules decide what it says. */
function failure(error: unknown, during: string, log: (line: string) => void): RpcEnvelope {
  return { ok: false, error: toRpcFailure(error, during, log).toBody() };
}

/** Registers the handler and the event forwarding; returns the function that undoes both. */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const { service, log } = options;

  ipcMain.handle(
    RPC_CHANNEL,
    async (event, method: unknown, params: unknown): Promise<RpcEnvelope> => {
      if (!isTrustedSender(event, options)) {
        log(
          `RigLedger refused a call from an unexpected page: ${event.senderFrame?.url ?? 'a closed frame'}`,
        );
        return failure(
          new RpcError('unauthorized', 'Only the RigLedger dashboard may use its data.'),
          'a refused call',
          log,
        );
      }
      if (typeof method !== 'string') {
        return failure(
          new RpcError('invalid_params', 'A call needs the name of a method.'),
          'a call without a method',
          log,
        );
      }
      try {
        return { ok: true, result: await service.call(method, params ?? {}) };
      } catch (error) {
        return failure(error, method, log);
      }
    },
  );

  const send = (event: RigLedgerEvent): void => {
    const window = options.mainWindow();
    if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(EVENT_CHANNEL, event);
  };
  const unsubscribe = service.onEvent(send);

  // A page that (re)loads, or missed a delta, starts again from the full Snapshot; it is
  // sent on the event channel so it arrives in order with the deltas that follow it.
  const resync = (event: IpcMainEvent): void => {
    if (!isTrustedSender(event, options)) return;
    try {
      send(service.eventBaseline());
    } catch (error) {
      log(`RigLedger: could not compute the snapshot for the window: ${describeError(error)}`);
    }
  };
  ipcMain.on(EVENT_RESYNC_CHANNEL, resync);

  return () => {
    unsubscribe();
    ipcMain.removeListener(EVENT_RESYNC_CHANNEL, resync);
    ipcMain.removeHandler(RPC_CHANNEL);
  };
}
