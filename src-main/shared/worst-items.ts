import { compareDecimalText } from './decimal-text';

// Which records the Overview and `snapshot.summary` show first: those nearest trouble by
// the alert rules' own measures (docs/formulas.md) — a position by its distance to
// liquidation, a loan by its health factor, smallest first. A record whose measure could
// not be computed (no price yet) comes after every one that could.

interface Keyed<T> {
  item: T;
  index: number;
  /** The measure as written (compared exactly, without parsing most of them). */
  value: string | null;
}

/** Smaller measure first, an unknown one last, equal ones in the list's order. */
function before<T>(a: Keyed<T>, b: Keyed<T>): number {
  if (a.value === null || b.value === null) {
    return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
  }
  return compareDecimalText(a.value, b.value) || a.index - b.index;
}

/** Above this many, the whole list is sorted instead of kept in a short ordered list. */
const SELECT_AT_MOST = 64;

function worstFirst<T>(items: readonly T[], measure: (item: T) => string | null, n: number): T[] {
  // Each measure is read once (a book holds a thousand positions, on every price tick).
  const keyedOf = (item: T, index: number): Keyed<T> => {
    return { item, index, value: measure(item) };
  };
  if (n <= 0) return [];
  if (n > SELECT_AT_MOST) {
    return items
      .map(keyedOf)
      .sort(before)
      .slice(0, n)
      .map((k) => k.item);
  }
  // The n worst in one pass: most records are not among them and cost one comparison.
  const worst: Keyed<T>[] = [];
  items.forEach((item, index) => {
    const keyed = keyedOf(item, index);
    if (worst.length === n && before(keyed, worst[n - 1]!) >= 0) return;
    let at = worst.length;
    while (at > 0 && before(keyed, worst[at - 1]!) < 0) at -= 1;
    worst.splice(at, 0, keyed);
    if (worst.length > n) worst.pop();
  });
  return worst.map((k) => k.item);
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
