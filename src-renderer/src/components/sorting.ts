import { compareDecimalText, decimalFloat } from '#shared/decimal-text';

// Column comparators for DataTable. A sort compares each row a dozen times, so what a row
// is compared by is read once: `sortRows` reads each row's key once per sort and orders
// the keys (a decimal's key is its nearest float, with its text to settle a tie exactly).

/** A comparator that also tells what it compares rows by, for `sortRows`. */
export type RowCompare<T> = ((a: T, b: T) => number) & {
  keyed?: { key(row: T): unknown; compare(x: unknown, y: unknown): number };
};

function keyedCompare<T, K>(key: (row: T) => K, compare: (x: K, y: K) => number): RowCompare<T> {
  const rows: RowCompare<T> = (a, b) => compare(key(a), key(b));
  rows.keyed = { key, compare: compare as (x: unknown, y: unknown) => number };
  return rows;
}

/** `rows` in the comparator's order (reversed for "desc"), equal rows as they came. */
export function sortRows<T>(
  rows: readonly T[],
  compare: RowCompare<T>,
  direction: 'asc' | 'desc',
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = compare.keyed;
  if (keyed === undefined) return [...rows].sort((a, b) => sign * compare(a, b));
  const keys = rows.map((row) => keyed.key(row));
  const order = rows.map((_, i) => i);
  order.sort((i, j) => sign * keyed.compare(keys[i], keys[j]) || i - j);
  return order.map((i) => rows[i]!);
}

const collator = new Intl.Collator(undefined, { numeric: true });

export function byText<T extends object>(pick: (row: T) => string | null | undefined) {
  return keyedCompare(
    (row: T) => pick(row) ?? '',
    (x: string, y: string) => collator.compare(x, y),
  );
}

/** A decimal's sort key: its nearest float, and its text for when the floats are equal. */
interface DecimalKey {
  float: number;
  text: string;
}

function compareDecimalKeys(x: DecimalKey | null, y: DecimalKey | null): number {
  if (x === null) return y === null ? 0 : 1;
  if (y === null) return -1;
  if (x.float < y.float) return -1;
  if (x.float > y.float) return 1;
  return x.text === y.text ? 0 : compareDecimalText(x.text, y.text);
}

/** Decimal strings compared as decimals; a missing or unreadable value sorts last. */
export function byDecimal<T extends object>(pick: (row: T) => string | null | undefined) {
  // Not remembered per record: a price tick replaces most rows, and reading a key again
  // (one pattern test, one float) costs less than a weak map's entry costs the collector.
  return keyedCompare((row: T): DecimalKey | null => {
    const text = pick(row)?.trim();
    const float = decimalFloat(text);
    return float === null || text === undefined ? null : { float, text };
  }, compareDecimalKeys);
}

export function byNumber<T>(pick: (row: T) => number | null | undefined) {
  return (a: T, b: T) => {
    const x = pick(a);
    const y = pick(b);
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    return x - y;
  };
}
