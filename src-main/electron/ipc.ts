import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import type { RigLedgerEvent } from '#api/events';
import { RpcError, type RpcErrorBody } from '#api/errors';
import type { FarmService } from '#service/types';
import { EVENT_CHANNEL, EVENT_RESYNC_CHANNEL, RPC_CHANNEL, type RpcEnvelope } from './ipc-channel';
import { isTrustedSender } from './ipc-sender';
import type { RendererLocation } from './renderer-location';

// The Electron side of the contract: one `rpc` handler that answers only the dashboard's
// own main frame, and the service's events forwarded to the window.

export interface IpcBridgeOptions {
  service: FarmService;
  location: RendererLocation;
  /** The window allowed to call; null while none is open. */
  mainWindow: () => BrowserWindow | null;
  log: (line: string) => void;
}

function failure(error: unknown, log: (line: string) => void): RpcEnvelope {
  if (error instanceof RpcError) return { ok: false, error: error.toBody() };
  log(
    `RigLedger: unexpected error in a call: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  const body: RpcErrorBody = {
    code: 'internal',
    message:
      'RigLedger hit an unexpected problem; nothing was changed. The details are in its log.',
  };
  return { ok: false, error: body };
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
          log,
        );
      }
      if (typeof method !== 'string') {
        return failure(new RpcError('invalid_params', 'A call needs the name of a method.'), log);
      }
      try {
        return { ok: true, result: await service.call(method, params ?? {}) };
      } catch (error) {
        return failure(error, log);
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
      log(
        `RigLedger: could not compute the snapshot for the window: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  ipcMain.on(EVENT_RESYNC_CHANNEL, resync);

  return () => {
    unsubscribe();
    ipcMain.removeListener(EVENT_RESYNC_CHANNEL, resync);
    ipcMain.removeHandler(RPC_CHANNEL);
  };
}
