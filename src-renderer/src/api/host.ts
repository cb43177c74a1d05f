import type { ReportDocument, RigLedgerBridge } from '#api/events';

// What the renderer holds once it has found its host: the bridge of the contract plus
// the state of the push channel, so the shell can say "Reconnecting…" in words.

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface Host {
  bridge: RigLedgerBridge;
  /**
   * Who shows system notifications for alerts: the desktop app's main process, or this
   * page through the browser's Notification API (when the operator allows it).
   */
  notifications: 'desktop-app' | 'browser';
  /** The desktop app saves reports as PDF itself; a browser uses its print dialog. */
  saveReportPdf?: (report: ReportDocument) => Promise<{ savedTo: string | null }>;
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** A tiny observable value for the connection state. */
export function connectionCell(initial: ConnectionState) {
  let state = initial;
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    get: () => state,
    set(next: ConnectionState) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener(state);
    },
    subscribe(listener: (state: ConnectionState) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
