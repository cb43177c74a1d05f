import type { RpcErrorBody } from '#api/errors';

// The two IPC channels between the main process and the preload, shared by both sides.

/** Renderer → main: `invoke(RPC_CHANNEL, method, params)` answers with an RpcEnvelope. */
export const RPC_CHANNEL = 'rpc';
/** Main → renderer: each service event (full snapshot, snapshot delta, alert). */
export const EVENT_CHANNEL = 'event';
/** Renderer → main: `send(EVENT_RESYNC_CHANNEL)` asks for a full snapshot on EVENT_CHANNEL. */
export const EVENT_RESYNC_CHANNEL = 'event-resync';

/**
 * Errors cross IPC inside the reply rather than as a rejection: Electron turns a
 * rejected invoke into an Error that keeps only its message, and the contract needs
 * the code and details too.
 */
export type RpcEnvelope = { ok: true; result: unknown } | { ok: false; error: RpcErrorBody };
/** Renderer → main: `invoke(REPORT_PDF_CHANNEL, { html, fileName })` saves a report as PDF. */
export const REPORT_PDF_CHANNEL = 'report-pdf';
