import { dec, type Dec } from '#shared/decimal';

// Column comparators for DataTable. A sort compares each row a dozen times; what a row
// is compared by is read (a decimal string parsed) once per record and remembered by the
// record's identity, so a price tick re-reads only the rows it changed.

/** A value read once per record object. */
function remembered<T extends object, V>(read: (row: T) => V): (row: T) => V {
  const known = new WeakMap<T, V>();
  return (row) => {
    if (known.has(row)) return known.get(row) as V;
    const value = read(row);
    known.set(row, value);
    return value;
  };
}

const collator = new Intl.Collator(undefined, { numeric: true });

export function byText<T extends object>(pick: (row: T) => string | null | undefined) {
  const key = remembered((row: T) => pick(row) ?? '');
  return (a: T, b: T) => collator.compare(key(a), key(b));
}

/** Decimal strings compared as decimals; a missing or unreadable value sorts last. */
export function byDecimal<T extends object>(pick: (row: T) => string | null | undefined) {
  const key = remembered((row: T): Dec | null => {
    const text = pick(row);
    if (text === null || text === undefined || text === '') return null;
    try {
      return dec(text);
    } catch {
      return null;
    }
  });
  return (a: T, b: T) => {
    const x = key(a);
    const y = key(b);
    if (x === null) return y === null ? 0 : 1;
    if (y === null) return -1;
    return x.comparedTo(y);
  };
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
