import { z } from 'zod';
import { alertEventSchema, type FullSnapshotEvent, type RigLedgerEvent } from '#api/events';
import { snapshotDeltaSchema, snapshotSummarySchema } from '#api/snapshot-delta';

// Every pushed message is checked before the UI sees it: an alert and a delta whole (the
// delta holds only what changed), a full Snapshot by its summary and the shape of its
// record lists. The host built those records from the contract's schemas; checking 2,000
// of them again in the page would block it for seconds. A host may send the whole event
// ({ type, … }) or just its payload under a named SSE event; both are accepted.

const recordList = z.array(z.looseObject({ id: z.string() }));

const fullSnapshotShape = z.object({
  type: z.literal('snapshot'),
  version: z.number().int().nonnegative(),
  snapshot: snapshotSummarySchema.extend({
    rigs: recordList,
    loans: recordList,
    positions: recordList,
    alerts: recordList,
  }),
});

const shapes = {
  snapshot: fullSnapshotShape,
  'snapshot-delta': snapshotDeltaSchema,
  alert: alertEventSchema,
} as const;

function isEventName(name: string): name is keyof typeof shapes {
  return Object.hasOwn(shapes, name);
}

export function decodePushedEvent(name: string, data: unknown): RigLedgerEvent | null {
  const candidate: unknown =
    typeof data === 'object' && data !== null && 'type' in data
      ? data
      : typeof data === 'object' && data !== null
        ? { type: name, ...data }
        : data;
  const type =
    typeof candidate === 'object' && candidate !== null && 'type' in candidate
      ? String(candidate.type)
      : name;
  if (!isEventName(type)) {
    console.error(`RigLedger: ignored an unknown "${name}" event`);
    return null;
  }
  if (type === 'snapshot') {
    // Only the full Snapshot's summary and list shapes are checked (see above).
    const parsed = fullSnapshotShape.safeParse(candidate);
    if (parsed.success) return candidate as FullSnapshotEvent;
    console.error(`RigLedger: ignored a malformed "${name}" event`, parsed.error.issues);
    return null;
  }
  const parsed = shapes[type].safeParse(candidate);
  if (parsed.success) return parsed.data;
  console.error(`RigLedger: ignored a malformed "${name}" event`, parsed.error.issues);
  return null;
}
