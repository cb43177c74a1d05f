import type { LoanView, PositionView, Snapshot } from '#api/snapshot';
import { SUMMARY_WORST_DEFAULT, summaryOf, type SnapshotSummaryResult } from '#api/snapshot-delta';
import { dec } from '#shared/decimal';

// `snapshot.summary`: what the Overview's first screen needs, without 2,000 rig rows.
// "Worst" follows the alert rules' own measures (docs/formulas.md): a position is nearer
// trouble the smaller its distance to liquidation, a loan the lower its health factor;
// a record whose measure cannot be computed comes after those that can.

function byMeasure<T>(measure: (record: T) => string | null) {
  return (a: T, b: T): number => {
    const x = measure(a);
    const y = measure(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return dec(x).comparedTo(dec(y));
  };
}

export const byDistanceToLiquidation = byMeasure<PositionView>((p) => p.distanceToLiquidationPct);
export const byHealthFactor = byMeasure<LoanView>((l) => l.healthFactor);

export function summarise(
  snapshot: Snapshot,
  worst: number = SUMMARY_WORST_DEFAULT,
): SnapshotSummaryResult {
  return {
    ...summaryOf(snapshot),
    alerts: snapshot.alerts,
    worst: {
      positions: [...snapshot.positions].sort(byDistanceToLiquidation).slice(0, worst),
      loans: [...snapshot.loans].sort(byHealthFactor).slice(0, worst),
    },
    counts: {
      rigs: snapshot.rigs.length,
      loans: snapshot.loans.length,
      positions: snapshot.positions.length,
    },
  };
}
