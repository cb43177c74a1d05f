import type { Snapshot } from '#api/snapshot';
import { SUMMARY_WORST_DEFAULT, summaryOf, type SnapshotSummaryResult } from '#api/snapshot-delta';
import { worstLoans, worstPositions } from '#shared/worst-items';

// `snapshot.summary`: what the Overview's first screen needs, without 2,000 rig rows.

export function summarise(
  snapshot: Snapshot,
  worst: number = SUMMARY_WORST_DEFAULT,
): SnapshotSummaryResult {
  return {
    ...summaryOf(snapshot),
    alerts: snapshot.alerts,
    worst: {
      positions: worstPositions(snapshot.positions, worst),
      loans: worstLoans(snapshot.loans, worst),
    },
    counts: {
      rigs: snapshot.rigs.length,
      loans: snapshot.loans.length,
      positions: snapshot.positions.length,
    },
  };
}
