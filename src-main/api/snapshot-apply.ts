import type { Snapshot } from './snapshot';
import type { SnapshotDelta, SnapshotSummary } from './snapshot-delta';

// Applying the deltas of the event stream (docs/architecture.md "Pushed events"), apart
// from their schemas (./snapshot-delta.ts): the page applies every delta, and its first
// screen loads no validator library (docs/architecture.md "The first screen").

export interface RecordPatch<T> {
  id: string;
  set: Partial<T>;
  unset?: string[];
}

export interface CollectionChanges<T> {
  upserts: T[];
  patches?: RecordPatch<T>[];
  removed: string[];
  order?: string[];
}

/** A Snapshot held at a version of the event stream. */
export interface VersionedSnapshot {
  version: number;
  snapshot: Snapshot;
}

export function summaryOf(snapshot: Snapshot): SnapshotSummary {
  const { rigs: _r, loans: _l, positions: _p, alerts: _a, ...summary } = snapshot;
  return summary;
}

/** A record list after its changes; null when they do not follow from it. */
export function applyChanges<T extends { id: string }>(
  previous: T[],
  changes: CollectionChanges<T>,
): T[] | null {
  const patches = changes.patches ?? [];
  if (
    changes.upserts.length === 0 &&
    patches.length === 0 &&
    changes.removed.length === 0 &&
    !changes.order
  ) {
    return previous; // unchanged: the same array, so nothing that reads it re-renders
  }
  const byId = new Map<string, T>();
  for (const record of previous) byId.set(record.id, record);
  for (const id of changes.removed) byId.delete(id);
  for (const record of changes.upserts) byId.set(record.id, record);
  for (const patch of patches) {
    const record = byId.get(patch.id);
    if (record === undefined) return null; // a patch for a record this state lacks
    const next: Record<string, unknown> = { ...record, ...patch.set };
    for (const key of patch.unset ?? []) delete next[key];
    byId.set(patch.id, next as T);
  }
  const order = changes.order ?? previous.map((r) => r.id).filter((id) => byId.has(id));
  const next: T[] = [];
  for (const id of order) {
    const record = byId.get(id);
    if (record === undefined) return null; // the delta names a record this state lacks
    next.push(record);
  }
  return next.length === byId.size ? next : null;
}

/**
 * The state after `delta`, or null when the delta does not follow `state` (a version was
 * missed, or the records do not add up): the holder must ask for a full Snapshot again.
 * Unchanged records and lists keep their identity.
 */
export function applySnapshotDelta(
  state: VersionedSnapshot,
  delta: SnapshotDelta,
): VersionedSnapshot | null {
  if (delta.version !== state.version + 1) return null;
  const prev = state.snapshot;
  const rigs = applyChanges(prev.rigs, delta.rigs);
  const loans = applyChanges(prev.loans, delta.loans);
  const positions = applyChanges(prev.positions, delta.positions);
  const alerts = applyChanges(prev.alerts, delta.alerts);
  if (rigs === null || loans === null || positions === null || alerts === null) return null;
  return {
    version: delta.version,
    snapshot: { ...delta.summary, rigs, loans, positions, alerts },
  };
}
