import type { Snapshot } from '#api/snapshot';
import {
  SNAPSHOT_COLLECTIONS,
  summaryOf,
  type CollectionChanges,
  type SnapshotDelta,
  type VersionedSnapshot,
} from '#api/snapshot-delta';

// What changed between two Snapshots, record by record: each record's JSON is compared
// with the JSON last sent for its id (one string compare per record per event). The live
// Snapshot reuses the view object of a record whose figures did not change, so its JSON
// is remembered with the object and written once.

const jsonOfView = new WeakMap<object, string>();

function jsonOf(record: object): string {
  let text = jsonOfView.get(record);
  if (text === undefined) {
    text = JSON.stringify(record);
    jsonOfView.set(record, text);
  }
  return text;
}

interface SentCollection {
  json: Map<string, string>;
  order: string;
}

function diff<T extends { id: string }>(
  records: T[],
  sent: SentCollection,
): { changes: CollectionChanges<T>; sent: SentCollection } {
  const json = new Map<string, string>();
  const upserts: T[] = [];
  for (const record of records) {
    const text = jsonOf(record);
    json.set(record.id, text);
    if (sent.json.get(record.id) !== text) upserts.push(record);
  }
  const removed: string[] = [];
  for (const id of sent.json.keys()) if (!json.has(id)) removed.push(id);
  const ids = records.map((r) => r.id);
  // The JSON of the id list compares membership and order exactly, in one string.
  const order = JSON.stringify(ids);
  const changes: CollectionChanges<T> = { upserts, removed };
  if (order !== sent.order) changes.order = ids;
  return { changes, sent: { json, order } };
}

export interface DeltaTracker {
  /** Records `snapshot` as the next version; its delta, or null for the very first. */
  next(snapshot: Snapshot): SnapshotDelta | null;
  /** The latest Snapshot and its version; null before the first. */
  current(): VersionedSnapshot | null;
}

const emptySent = (): SentCollection => ({ json: new Map(), order: '[]' });

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
