import { compareDecimal } from '../format';

// Column comparators for DataTable.

export function byText<T>(pick: (row: T) => string | null | undefined) {
  return (a: T, b: T) => (pick(a) ?? '').localeCompare(pick(b) ?? '', undefined, { numeric: true });
}

export function byDecimal<T>(pick: (row: T) => string | null | undefined) {
  return (a: T, b: T) => compareDecimal(pick(a), pick(b));
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
