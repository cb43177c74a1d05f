import { z } from 'zod';
import { alertSchema } from './records';
import { loanViewSchema, positionViewSchema, rigViewSchema, snapshotSchema } from './snapshot';

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

/**
 * Records changed in the same few fields, as one table: `fields` are the changed fields'
 * paths (`["ltvPct"]`, or `["odds", "days7", "liquidationPct"]` for a figure inside an
 * object), each row is a record's id followed by those fields' new values, in order, and
 * `unset` the paths the rows' records no longer have. A price tick changes a rig's
 * revenue, not its name, and 1,000 positions the same nine figures: naming them once per
 * table, not once per record, is what keeps a tick's delta small.
 */
export const patchGroupSchema = z.object({
  fields: z.array(z.array(z.string()).min(1)),
  rows: z.array(z.tuple([z.string()]).rest(z.unknown())),
  unset: z.array(z.array(z.string()).min(1)).optional(),
});
export type PatchGroup = z.infer<typeof patchGroupSchema>;

function changesOf<R extends z.ZodObject>(record: R) {
  return z.object({
    /** Records new since the previous version (or changed in most fields), whole. */
    upserts: z.array(record),
    /** Records changed in a few fields, grouped by the fields that changed. */
    patches: z.array(patchGroupSchema).optional(),
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

// Applying a delta needs no schema: it lives apart (./snapshot-apply.ts) so the page can
// apply deltas without loading the validators (docs/architecture.md "The first screen").
export {
  applyChanges,
  applySnapshotDelta,
  patchedRecord,
  summaryOf,
  type CollectionChanges,
  type VersionedSnapshot,
} from './snapshot-apply';

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
