import type { AlertEvent, FullSnapshotEvent, RigLedgerEvent } from '#api/events';
import type { PatchGroup, SnapshotDelta } from '#api/snapshot-delta';
import {
  alertShape,
  bool,
  int,
  isObject,
  list,
  object,
  oneOf,
  optional,
  partial,
  summaryShape,
  type Check,
} from './event-shape';

// Every pushed message is checked before the UI sees it: an alert whole; a full Snapshot
// and a delta by their summary and the shape of their record changes (ids, patches,
// removals, order), with a delta's alerts whole. The host built the rigs, loans and
// positions from the contract's schemas; checking 2,000 of them again in the page, or
// the 2,000 rows a price tick patches, would block it for a long moment twice a second
// (docs/architecture.md "Pushed events"). The checks are written by hand (./event-shape.ts),
// not with zod: the first screen loads no validator library (docs/architecture.md "The
// first screen"). A host may send the whole event ({ type, … }) or just its payload under
// a named SSE event; both are accepted, and passed on as they came.

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

// The shapes of long lists are checked in one plain loop each.
const recordList: Check = (value, path) =>
  Array.isArray(value) && value.every((r) => isObject(r) && typeof r.id === 'string')
    ? null
    : `${path} should be a list of records, each with a text id.`;
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
const patchList: Check = (value, path) =>
  Array.isArray(value) && value.every(isPatchGroup)
    ? null
    : `${path} should be a list of patch tables, each { fields, rows, unset? } with a row per record: its id, then a value per field.`;
const idList: Check = (value, path) =>
  isTextList(value) ? null : `${path} should be a list of ids.`;

const recordChanges = object({
  upserts: recordList,
  patches: optional(patchList),
  removed: idList,
  order: optional(idList),
});

// An alert's patched fields are whole fields (one name each), checked as an alert's own,
// row by row: a delta carries a few dozen of them at most.
const alertFields = partial(alertShape, { strict: true });
const alertPatchList: Check = (value, path) => {
  const problem = patchList(value, path);
  if (problem !== null) return problem;
  for (const [g, group] of (value as PatchGroup[]).entries()) {
    if (!group.fields.every((field) => field.length === 1))
      return `${path}[${g}].fields should name whole alert fields.`;
    for (const [r, row] of group.rows.entries()) {
      const fields = Object.fromEntries(group.fields.map((field, i) => [field[0], row[i + 1]]));
      const wrong = alertFields(fields, `${path}[${g}].rows[${r}]`);
      if (wrong !== null) return wrong;
    }
  }
  return null;
};

const alertChanges = object({
  upserts: list(alertShape),
  patches: optional(alertPatchList),
  removed: idList,
  order: optional(idList),
});

const shapes = {
  snapshot: object({
    type: oneOf(['snapshot']),
    version: int({ min: 0 }),
    snapshot: object({
      ...summaryShape.fields,
      rigs: recordList,
      loans: recordList,
      positions: recordList,
      alerts: recordList,
    }),
  }),
  'snapshot-delta': object({
    type: oneOf(['snapshot-delta']),
    version: int({ min: 1 }),
    summary: summaryShape,
    rigs: recordChanges,
    loans: recordChanges,
    positions: recordChanges,
    alerts: alertChanges,
  }),
  alert: object({
    type: oneOf(['alert']),
    change: oneOf(['raised', 'escalated', 'cleared']),
    alert: alertShape,
    notify: bool,
  }),
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
  const problem = shapes[type](candidate, 'the event');
  if (problem === null) return candidate as FullSnapshotEvent | SnapshotDelta | AlertEvent;
  console.error(`RigLedger: ignored a malformed "${name}" event: ${problem}`);
  return null;
}
