import { ipcMain, type BrowserWindow } from 'electron';
import { RpcError } from '#api/errors';
import { toRpcFailure } from '#service/dispatch';
import type { FarmService } from '#service/types';
import { EVENT_CHANNEL, RPC_CHANNEL, type RpcEnvelope } from './ipc-channel';
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

  const unsubscribe = service.onEvent((event) => {
    const window = options.mainWindow();
    if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(EVENT_CHANNEL, event);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(RPC_CHANNEL);
  };
}
