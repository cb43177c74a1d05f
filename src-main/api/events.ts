import { z } from 'zod';
import { alertSchema } from './records';
import { snapshotSchema } from './snapshot';
import type { MethodName, ParamsOf, ResultOf } from './methods';

// Events pushed from a host to the renderer (Electron IPC or Server-Sent Events).

export const alertChangeSchema = z.enum(['raised', 'escalated', 'cleared']);
export type AlertChange = z.infer<typeof alertChangeSchema>;

export const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), snapshot: snapshotSchema }),
  z.object({
    type: z.literal('alert'),
    change: alertChangeSchema,
    alert: alertSchema,
    notify: z.boolean(),
  }),
]);
export type RigLedgerEvent = z.infer<typeof eventSchema>;

/** What a host gives the renderer: `window.rigledger` under Electron, HTTP + SSE in a browser. */
export interface RigLedgerBridge {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  onEvent(listener: (event: RigLedgerEvent) => void): () => void;
}

/** Snapshot events are coalesced to at most one per this many milliseconds (SPEC §2). */
export const SNAPSHOT_EVENT_MIN_INTERVAL_MS = 250;
