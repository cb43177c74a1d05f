import { z } from 'zod';
import { alertSchema } from './records';
import { snapshotSchema } from './snapshot';
import { snapshotDeltaSchema } from './snapshot-delta';
import type { MethodName, ParamsOf, ResultOf } from './methods';

// Events pushed from a host to the renderer (Electron IPC or Server-Sent Events).

export const alertChangeSchema = z.enum(['raised', 'escalated', 'cleared']);
export type AlertChange = z.infer<typeof alertChangeSchema>;

/** The whole state at a version: the first event of every stream, and a resync. */
export const fullSnapshotEventSchema = z.object({
  type: z.literal('snapshot'),
  version: z.number().int().nonnegative(),
  snapshot: snapshotSchema,
});
export type FullSnapshotEvent = z.infer<typeof fullSnapshotEventSchema>;

export const alertEventSchema = z.object({
  type: z.literal('alert'),
  change: alertChangeSchema,
  alert: alertSchema,
  notify: z.boolean(),
});
export type AlertEvent = z.infer<typeof alertEventSchema>;

export const eventSchema = z.discriminatedUnion('type', [
  fullSnapshotEventSchema,
  snapshotDeltaSchema,
  alertEventSchema,
]);
export type RigLedgerEvent = z.infer<typeof eventSchema>;

/** What a host gives the renderer: `window.rigledger` under Electron, HTTP + SSE in a browser. */
export interface RigLedgerBridge {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  onEvent(listener: (event: RigLedgerEvent) => void): () => void;
  /** Asks the host to start the stream again from a full Snapshot (after a missed delta). */
  resync(): void;
}

/** A printable report handed to the desktop app to be saved as PDF. */
export interface ReportDocument {
  html: string;
  fileName: string;
}

/**
 * The desktop app's bridge adds one thing a browser does itself: saving a report as PDF
 * (Electron's printToPDF and a save dialog). The browser uses its print dialog instead.
 */
export interface DesktopBridge extends RigLedgerBridge {
  saveReportPdf(report: ReportDocument): Promise<{ savedTo: string | null }>;
}

/** Snapshot deltas are coalesced to at most one per this many milliseconds (docs/architecture.md). */
export const SNAPSHOT_EVENT_MIN_INTERVAL_MS = 250;
