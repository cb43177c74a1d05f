import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopBridge, ReportDocument, RigLedgerEvent } from '#api/events';
import type { MethodName, ParamsOf, ResultOf } from '#api/methods';
import {
  EVENT_CHANNEL,
  EVENT_RESYNC_CHANNEL,
  REPORT_PDF_CHANNEL,
  RPC_CHANNEL,
  type RpcEnvelope,
} from './ipc-channel';

// Runs sandboxed in the dashboard page before its scripts. Exposes exactly one object,
// `window.rigledger`, and no Electron or Node API. Imports only types from the contract:
// the page validates the events it receives.

const listeners = new Set<(event: RigLedgerEvent) => void>();

ipcRenderer.on(EVENT_CHANNEL, (_ipcEvent: IpcRendererEvent, event: RigLedgerEvent) => {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      // One failing listener must not starve the others of the event.
      console.error('A RigLedger event listener failed:', error);
    }
  }
});

async function call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
  const envelope: RpcEnvelope = await ipcRenderer.invoke(RPC_CHANNEL, method, params);
  if (!envelope.ok) {
    // A plain { code, message, details } object: it crosses the context bridge intact.
    return Promise.reject(envelope.error);
  }
  // Trusted, not checked: no host parses results at run time (a Snapshot on every call
  // would cost the live dashboard); the service's tests hold every method to its result
  // schema instead (docs/contract.md, "Results").
  const result: ResultOf<M> = envelope.result as ResultOf<M>;
  return result;
}

/** Asks the main process to send the full Snapshot, which the deltas that follow build on. */
function resync(): void {
  ipcRenderer.send(EVENT_RESYNC_CHANNEL);
}

function onEvent(listener: (event: RigLedgerEvent) => void): () => void {
  listeners.add(listener);
  // The first listener of a page starts the stream with a full Snapshot.
  if (listeners.size === 1) resync();
  return () => {
    listeners.delete(listener);
  };
}

async function saveReportPdf(report: ReportDocument): Promise<{ savedTo: string | null }> {
  const envelope: RpcEnvelope = await ipcRenderer.invoke(REPORT_PDF_CHANNEL, report);
  if (!envelope.ok) return Promise.reject(envelope.error);
  const savedTo = envelope.result;
  return { savedTo: typeof savedTo === 'string' ? savedTo : null };
}

contextBridge.exposeInMainWorld('rigledger', {
  call,
  onEvent,
  resync,
  saveReportPdf,
} satisfies DesktopBridge);
