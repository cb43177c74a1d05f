import { z } from 'zod';
import { alertSchema } from './records';
import {
  loanViewSchema,
  positionViewSchema,
  rigViewSchema,
  snapshotSchema,
  type Snapshot,
} from './snapshot';

// Snapshot events as deltas (docs/architecture.md "Pushed events"): a stream starts with one
// full Snapshot at a version, then each `snapshot-delta` carries the next version's summary
// and only the records that changed. Applying them in order gives exactly what
// `snapshot.get` would answer at that moment.

/** The record lists of a Snapshot, each keyed by its records' `id`. */
export const SNAPSHOT_COLLECTIONS = ['rigs', 'loans', 'positions', 'alerts'] as const;
export type SnapshotCollection = (typeof SNAPSHOT_COLLECTIONS)[number];

/** Everything in a Snapshot but its record lists: prices, network, farm totals, notices. */
export const snapshotSummarySchema = snapshotSchema.omit({
  rigs: true,
  loans: true,
  positions: true,
  alerts: true,
});
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

function changesOf<R extends z.ZodObject>(record: R) {
  return z.object({
    /** Records new since the previous version (or changed in most fields), whole. */
    upserts: z.array(record),
    /**
     * Records changed in a few fields: the fields' new values (`set`) and the optional
     * fields they no longer have (`unset`). A price tick changes a rig's revenue, not its
     * name: this is what keeps a delta a fraction of the records it touches.
     */
    patches: z
      .array(
        z.object({
          id: z.string(),
          set: record.partial(),
          unset: z.array(z.string()).optional(),
        }),
      )
      .optional(),
    /** Ids of records gone since the previous version. */
    removed: z.array(z.string()),
    /** Every id in Snapshot order; sent only when the order or the set of ids changed. */
    order: z.array(z.string()).optional(),
  });
}

export const snapshotDeltaSchema = z.object({
  type: z.literal('snapshot-delta'),
  /** Applies to the state at `version - 1`. */
  version: z.number().int().positive(),
  summary: snapshotSummarySchema,
  rigs: changesOf(rigViewSchema),
  loans: changesOf(loanViewSchema),
  positions: changesOf(positionViewSchema),
  alerts: changesOf(alertSchema),
});
export type SnapshotDelta = z.infer<typeof snapshotDeltaSchema>;

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

/** `snapshot.summary`: the farm at a glance, without the record lists (docs/architecture.md). */
export const snapshotSummaryResultSchema = snapshotSummarySchema.extend({
  /** The active alerts. */
  alerts: z.array(alertSchema),
  /** The N records nearest trouble: positions by distance to liquidation, loans by health factor. */
  worst: z.object({
    positions: z.array(positionViewSchema),
    loans: z.array(loanViewSchema),
  }),
  counts: z.object({
    rigs: z.number().int(),
    loans: z.number().int(),
    positions: z.number().int(),
  }),
});
export type SnapshotSummaryResult = z.infer<typeof snapshotSummaryResultSchema>;
export const SUMMARY_WORST_DEFAULT = 5;
