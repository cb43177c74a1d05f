import type { Snapshot } from '#api/snapshot';
import {
  SNAPSHOT_COLLECTIONS,
  summaryOf,
  type CollectionChanges,
  type PatchGroup,
  type SnapshotDelta,
  type VersionedSnapshot,
} from '#api/snapshot-delta';
import { isPlainObject } from '#api/snapshot-apply';
import { jsonOf } from './record-json';

// What changed between two Snapshots, record by record: each record's JSON is compared
// with the JSON last sent for its id (one string compare per record per event). The live
// Snapshot reuses the view object of a record whose figures did not change, so its JSON
// is remembered with the object and written once.

interface SentCollection {
  json: Map<string, string>;
  records: Map<string, object>;
  order: string;
}

const same = (a: unknown, b: unknown) =>
  a === b ||
  (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

interface FieldChanges {
  fields: string[][];
  values: unknown[];
  unset: string[][];
}

/**
 * The paths at which `after` differs from `before`: inside an object both have (a loan's
 * odds), down to the figures that changed, when `deep`; a list or anything else whole.
 */
function changedPaths(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  deep: boolean,
  prefix: string[],
  into: FieldChanges,
): void {
  for (const key of Object.keys(after)) {
    const was = before[key];
    const now = after[key];
    if (was === now) continue;
    if (now === undefined) {
      // JSON leaves out a field without a value: the record no longer has it.
      into.unset.push([...prefix, key]);
      continue;
    }
    if (deep && isPlainObject(was) && isPlainObject(now) && Object.hasOwn(before, key)) {
      changedPaths(was, now, deep, [...prefix, key], into);
    } else if (!Object.hasOwn(before, key) || !same(was, now)) {
      into.fields.push([...prefix, key]);
      into.values.push(now);
    }
  }
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key) && before[key] !== undefined) into.unset.push([...prefix, key]);
  }
}

/**
 * The fields of `next` that differ from `previous`, or null when sending the record whole
 * is about as short (most of it changed).
 */
function patchOf(
  previous: object,
  next: { id: string },
  wholeJson: string,
  deep: boolean,
): FieldChanges | null {
  const changes: FieldChanges = { fields: [], values: [], unset: [] };
  changedPaths(
    previous as Record<string, unknown>,
    next as unknown as Record<string, unknown>,
    deep,
    [],
    changes,
  );
  return JSON.stringify(changes.values).length < wholeJson.length * 0.7 ? changes : null;
}

/** Patches with the same changed fields, as one table each (see `PatchGroup`). */
function grouped(patches: { id: string; changes: FieldChanges }[]): PatchGroup[] {
  const groups = new Map<string, PatchGroup>();
  for (const { id, changes } of patches) {
    const key = JSON.stringify([changes.fields, changes.unset]);
    let group = groups.get(key);
    if (group === undefined) {
      group = { fields: changes.fields, rows: [] };
      if (changes.unset.length > 0) group.unset = changes.unset;
      groups.set(key, group);
    }
    group.rows.push([id, ...changes.values]);
  }
  return [...groups.values()];
}

function diff<T extends { id: string }>(
  records: T[],
  sent: SentCollection,
  deep: boolean,
): { changes: CollectionChanges<T>; sent: SentCollection } {
  const json = new Map<string, string>();
  const byId = new Map<string, object>();
  const upserts: T[] = [];
  const patches: { id: string; changes: FieldChanges }[] = [];
  for (const record of records) {
    const text = jsonOf(record);
    json.set(record.id, text);
    byId.set(record.id, record);
    if (sent.json.get(record.id) === text) continue;
    const previous = sent.records.get(record.id);
    const changes = previous === undefined ? null : patchOf(previous, record, text, deep);
    if (changes) patches.push({ id: record.id, changes });
    else upserts.push(record);
  }
  const removed: string[] = [];
  for (const id of sent.json.keys()) if (!json.has(id)) removed.push(id);
  const ids = records.map((r) => r.id);
  // The JSON of the id list compares membership and order exactly, in one string.
  const order = JSON.stringify(ids);
  const changes: CollectionChanges<T> = { upserts, removed };
  if (patches.length > 0) changes.patches = grouped(patches);
  if (order !== sent.order) changes.order = ids;
  return { changes, sent: { json, records: byId, order } };
}

export interface DeltaTracker {
  /** Records `snapshot` as the next version; its delta, or null for the very first. */
  next(snapshot: Snapshot): SnapshotDelta | null;
  /** The latest Snapshot and its version; null before the first. */
  current(): VersionedSnapshot | null;
}

const emptySent = (): SentCollection => ({ json: new Map(), records: new Map(), order: '[]' });

export function createDeltaTracker(): DeltaTracker {
  let latest: VersionedSnapshot | null = null;
  const sent = {
    rigs: emptySent(),
    loans: emptySent(),
    positions: emptySent(),
    alerts: emptySent(),
  } satisfies Record<(typeof SNAPSHOT_COLLECTIONS)[number], SentCollection>;

  return {
    next(snapshot) {
      const rigs = diff(snapshot.rigs, sent.rigs, true);
      const loans = diff(snapshot.loans, sent.loans, true);
      const positions = diff(snapshot.positions, sent.positions, true);
      // An alert's fields are patched whole, so a page can check them with the record's
      // own schema.
      const alerts = diff(snapshot.alerts, sent.alerts, false);
      sent.rigs = rigs.sent;
      sent.loans = loans.sent;
      sent.positions = positions.sent;
      sent.alerts = alerts.sent;
      const first = latest === null;
      const version = (latest?.version ?? 0) + 1;
      latest = { version, snapshot };
      if (first) return null;
      return {
        type: 'snapshot-delta',
        version,
        summary: summaryOf(snapshot),
        rigs: rigs.changes,
        loans: loans.changes,
        positions: positions.changes,
        alerts: alerts.changes,
      };
    },
    current: () => latest,
  };
}
