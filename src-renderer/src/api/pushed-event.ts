import type { AlertEvent, FullSnapshotEvent, RigLedgerEvent } from '#api/events';
import type { SnapshotDelta } from '#api/snapshot-delta';
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
  text,
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
const patchList: Check = (value, path) =>
  Array.isArray(value) &&
  value.every(
    (p) =>
      isObject(p) &&
      typeof p.id === 'string' &&
      isObject(p.set) &&
      (p.unset === undefined || isTextList(p.unset)),
  )
    ? null
    : `${path} should be a list of patches, each { id, set, unset? }.`;
const idList: Check = (value, path) =>
  isTextList(value) ? null : `${path} should be a list of ids.`;

const recordChanges = object({
  upserts: recordList,
  patches: optional(patchList),
  removed: idList,
  order: optional(idList),
});

const alertChanges = object({
  upserts: list(alertShape),
  patches: optional(
    list(
      object({ id: text(), set: partial(alertShape, { strict: true }), unset: optional(idList) }),
    ),
  ),
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
