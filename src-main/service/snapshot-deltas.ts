import type { Snapshot } from '#api/snapshot';
import {
  SNAPSHOT_COLLECTIONS,
  summaryOf,
  type CollectionChanges,
  type RecordPatch,
  type SnapshotDelta,
  type VersionedSnapshot,
} from '#api/snapshot-delta';
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

/**
 * The fields of `next` that differ from `previous`, or null when sending the record whole
 * is about as short (most of it changed).
 */
function patchOf<T extends { id: string }>(
  previous: object,
  next: T,
  wholeJson: string,
): RecordPatch<T> | null {
  const before = previous as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const key of Object.keys(after)) if (!same(before[key], after[key])) set[key] = after[key];
  for (const key of Object.keys(before)) if (!(key in after)) unset.push(key);
  const patch: RecordPatch<T> = { id: next.id, set: set as Partial<T> };
  if (unset.length > 0) patch.unset = unset;
  return JSON.stringify(patch).length < wholeJson.length * 0.7 ? patch : null;
}

function diff<T extends { id: string }>(
  records: T[],
  sent: SentCollection,
): { changes: CollectionChanges<T>; sent: SentCollection } {
  const json = new Map<string, string>();
  const byId = new Map<string, object>();
  const upserts: T[] = [];
  const patches: RecordPatch<T>[] = [];
  for (const record of records) {
    const text = jsonOf(record);
    json.set(record.id, text);
    byId.set(record.id, record);
    if (sent.json.get(record.id) === text) continue;
    const previous = sent.records.get(record.id);
    const patch = previous === undefined ? null : patchOf(previous, record, text);
    if (patch) patches.push(patch);
    else upserts.push(record);
  }
  const removed: string[] = [];
  for (const id of sent.json.keys()) if (!json.has(id)) removed.push(id);
  const ids = records.map((r) => r.id);
  // The JSON of the id list compares membership and order exactly, in one string.
  const order = JSON.stringify(ids);
  const changes: CollectionChanges<T> = { upserts, removed };
  if (patches.length > 0) changes.patches = patches;
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
      const rigs = diff(snapshot.rigs, sent.rigs);
      const loans = diff(snapshot.loans, sent.loans);
      const positions = diff(snapshot.positions, sent.positions);
      const alerts = diff(snapshot.alerts, sent.alerts);
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
