import type { Snapshot } from './snapshot';
import type { PatchGroup, SnapshotDelta, SnapshotSummary } from './snapshot-delta';

// Applying the deltas of the event stream (docs/architecture.md "Pushed events"), apart
// from their schemas (./snapshot-delta.ts): the page applies every delta, and its first
// screen loads no validator library (docs/architecture.md "The first screen").

export interface CollectionChanges<T> {
  upserts: T[];
  patches?: PatchGroup[];
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

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object that holds `path`'s last key, copied on the way; null if there is none. */
function holderOf(
  root: Record<string, unknown>,
  path: readonly string[],
  copied: Set<object>,
): Record<string, unknown> | null {
  let at = root;
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = path[i]!;
    const child = at[key];
    if (!isPlainObject(child) || !Object.hasOwn(at, key)) return null;
    if (copied.has(child)) {
      at = child;
    } else {
      const copy = { ...child };
      copied.add(copy);
      at[key] = copy;
      at = copy;
    }
  }
  return at;
}

/**
 * `record` with the values of one patch row (from `offset`) set at their paths and
 * `unset` removed; null when a path does not lead through objects the record has. The
 * objects along a path are copied, never changed in place: the previous state stays as
 * it was.
 */
export function patchedRecord(
  record: object,
  fields: readonly (readonly string[])[],
  values: readonly unknown[],
  unset: readonly (readonly string[])[] = [],
  offset = 0,
): Record<string, unknown> | null {
  if (values.length - offset !== fields.length) return null;
  const next: Record<string, unknown> = { ...record };
  let copied: Set<object> | null = null;
  for (let i = 0; i < fields.length; i += 1) {
    const path = fields[i]!;
    if (path.length === 1) {
      next[path[0]!] = values[i + offset]; // most patches: a top-level field
      continue;
    }
    copied ??= new Set<object>([next]);
    const at = path.length === 0 ? null : holderOf(next, path, copied);
    if (at === null) return null;
    at[path[path.length - 1]!] = values[i + offset];
  }
  for (const path of unset) {
    copied ??= new Set<object>([next]);
    const at = path.length === 0 ? null : holderOf(next, path, copied);
    if (at === null) return null;
    delete at[path[path.length - 1]!];
  }
  return next;
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
  for (const group of patches) {
    for (const row of group.rows) {
      const id = row[0];
      const record = byId.get(id);
      if (record === undefined) return null; // a patch for a record this state lacks
      const next = patchedRecord(record, group.fields, row, group.unset, 1);
      if (next === null) return null;
      byId.set(id, next as T);
    }
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
