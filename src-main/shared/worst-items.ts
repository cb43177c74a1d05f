import { dec } from './decimal';

// Which records the Overview and `snapshot.summary` show first: those nearest trouble by
// the alert rules' own measures (docs/formulas.md) — a position by its distance to
// liquidation, a loan by its health factor, smallest first. A record whose measure could
// not be computed (no price yet) comes after every one that could.

function worstFirst<T>(items: readonly T[], measure: (item: T) => string | null, n: number): T[] {
  // Each measure is read once (a book holds a thousand positions), then sorted stably.
  const keyed = items.map((item, index) => {
    const value = measure(item);
    return { item, index, value: value === null ? null : dec(value) };
  });
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
    }
    return a.value.comparedTo(b.value) || a.index - b.index;
  });
  return keyed.slice(0, n).map((k) => k.item);
}

/** The `n` positions nearest liquidation, nearest first. */
export function worstPositions<T extends { distanceToLiquidationPct: string | null }>(
  positions: readonly T[],
  n: number,
): T[] {
  return worstFirst(positions, (p) => p.distanceToLiquidationPct, n);
}

/** The `n` loans with the lowest health factor, lowest first. */
export function worstLoans<T extends { healthFactor: string | null }>(
  loans: readonly T[],
  n: number,
): T[] {
  return worstFirst(loans, (l) => l.healthFactor, n);
}
