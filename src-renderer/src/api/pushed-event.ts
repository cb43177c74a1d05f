import { z } from 'zod';
import { alertEventSchema, type FullSnapshotEvent, type RigLedgerEvent } from '#api/events';
import { alertSchema } from '#api/records';
import { snapshotSummarySchema, type SnapshotDelta } from '#api/snapshot-delta';

// Every pushed message is checked before the UI sees it: an alert whole; a full Snapshot
// and a delta by their summary and the shape of their record changes (ids, patches,
// removals, order), with a delta's alerts whole. The host built the rigs, loans and
// positions from the contract's schemas; checking 2,000 of them again in the page, or
// the 2,000 rows a price tick patches, would block it for a long moment twice a second
// (docs/architecture.md "Pushed events"). A host may send the whole event ({ type, … })
// or just its payload under a named SSE event; both are accepted.

const recordList = z.array(z.looseObject({ id: z.string() }));

function changesShape<R extends z.ZodType>(record: R) {
  return z.object({
    upserts: z.array(record),
    patches: z
      .array(
        z.object({
          id: z.string(),
          set: z.record(z.string(), z.unknown()),
          unset: z.array(z.string()).optional(),
        }),
      )
      .optional(),
    removed: z.array(z.string()),
    order: z.array(z.string()).optional(),
  });
}

const deltaShape = z.object({
  type: z.literal('snapshot-delta'),
  version: z.number().int().positive(),
  summary: snapshotSummarySchema,
  rigs: changesShape(z.looseObject({ id: z.string() })),
  loans: changesShape(z.looseObject({ id: z.string() })),
  positions: changesShape(z.looseObject({ id: z.string() })),
  alerts: changesShape(alertSchema),
});

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
  'snapshot-delta': deltaShape,
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
  if (type === 'snapshot' || type === 'snapshot-delta') {
    // Only the summary and the shape of the record lists are checked (see above); the
    // event is passed on as it came, not as a copy zod made of it.
    const parsed = shapes[type].safeParse(candidate);
    if (parsed.success) return candidate as FullSnapshotEvent | SnapshotDelta;
    console.error(`RigLedger: ignored a malformed "${name}" event`, parsed.error.issues);
    return null;
  }
  const parsed = shapes[type].safeParse(candidate);
  if (parsed.success) return parsed.data;
  console.error(`RigLedger: ignored a malformed "${name}" event`, parsed.error.issues);
  return null;
}
