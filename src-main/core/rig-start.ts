import type { Rig } from '#api/records';

// The day a rig begins to count in the books (docs/formulas.md "Monthly P&L"): its
// purchase date, else the day it was entered in RigLedger. A rig with neither (only in
// hand-made files: every create and every upgraded file sets one) counts for all time.

export function rigStartDate(rig: Pick<Rig, 'purchasedAt' | 'enteredAt'>): string | null {
  return rig.purchasedAt ?? rig.enteredAt ?? null;
}

/** True when the rig already counted on that day (YYYY-MM-DD). */
export function rigCountsOn(rig: Pick<Rig, 'purchasedAt' | 'enteredAt'>, isoDate: string): boolean {
  const start = rigStartDate(rig);
  return start === null || start <= isoDate;
}
