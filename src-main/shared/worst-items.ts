import { dec } from './decimal';

// Which records the Overview and `snapshot.summary` show first: those nearest trouble by
// the alert rules' own measures (docs/formulas.md) — a position by its distance to
// liquidation, a loan by its health factor, smallest first. A record whose measure could
// not be computed (no price yet) comes after every one that could.

function worstFirst<T>(items: readonly T[], measure: (item: T) => string | null, n: number): T[] {
  const compare = (a: T, b: T): number => {
    const x = measure(a);
    const y = measure(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return dec(x).comparedTo(dec(y));
  };
  return [...items].sort(compare).slice(0, n);
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
