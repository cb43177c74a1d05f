import { z } from 'zod';
import { alertEventSchema, type FullSnapshotEvent, type RigLedgerEvent } from '#api/events';
import { alertSchema } from '#api/records';
import { snapshotSummarySchema, type PatchGroup, type SnapshotDelta } from '#api/snapshot-delta';

// Every pushed message is checked before the UI sees it: an alert whole; a full Snapshot
// and a delta by their summary and the shape of their record changes (ids, patches,
// removals, order), with a delta's alerts whole. The host built the rigs, loans and
// positions from the contract's schemas; checking 2,000 of them again in the page, or
// the 2,000 rows a price tick patches, would block it for a long moment twice a second
// (docs/architecture.md "Pushed events"). A host may send the whole event ({ type, … })
// or just its payload under a named SSE event; both are accepted.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

// The shapes of long lists are checked in one plain loop each: zod would build a result
// object per record, which for the 2,000 patches of a tick is most of the cost.
const recordList = z.custom<{ id: string }[]>(
  (value) => Array.isArray(value) && value.every((r) => isObject(r) && typeof r.id === 'string'),
  'Expected a list of records, each with a text id',
);
const isPath = (value: unknown): value is string[] =>
  isTextList(value) && value.length > 0 && !value.includes('__proto__');
const isPathList = (value: unknown): value is string[][] =>
  Array.isArray(value) && value.every(isPath);
/** A table of patches: paths, and rows of an id and one value per path. */
const isPatchGroup = (group: unknown): group is PatchGroup =>
  isObject(group) &&
  isPathList(group.fields) &&
  (group.unset === undefined || isPathList(group.unset)) &&
  Array.isArray(group.rows) &&
  group.rows.every(
    (row) =>
      Array.isArray(row) &&
      typeof row[0] === 'string' &&
      row.length === (group.fields as unknown[]).length + 1,
  );
const patchList = z.custom<PatchGroup[]>(
  (value) => Array.isArray(value) && value.every(isPatchGroup),
  'Expected a list of patch tables, each { fields, rows, unset? } with a row per record: its id, then a value per field',
);
const idList = z.custom<string[]>(isTextList, 'Expected a list of ids');

const recordChanges = z.object({
  upserts: recordList,
  patches: patchList.optional(),
  removed: idList,
  order: idList.optional(),
});

// An alert's patched fields are whole fields (one name each), checked with the alert's
// own schema, row by row: a delta carries a few dozen of them at most.
const alertFields = alertSchema.partial();
const alertPatchList = patchList.refine(
  (groups) =>
    groups.every(
      (group) =>
        group.fields.every((path) => path.length === 1) &&
        group.rows.every(
          (row) =>
            alertFields.safeParse(
              Object.fromEntries(group.fields.map((path, i) => [path[0], row[i + 1]])),
            ).success,
        ),
    ),
  'Expected alert patches to name whole alert fields with values an alert can have',
);

const alertChanges = z.object({
  upserts: z.array(alertSchema),
  patches: alertPatchList.optional(),
  removed: idList,
  order: idList.optional(),
});

const deltaShape = z.object({
  type: z.literal('snapshot-delta'),
  version: z.number().int().positive(),
  summary: snapshotSummarySchema,
  rigs: recordChanges,
  loans: recordChanges,
  positions: recordChanges,
  alerts: alertChanges,
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
