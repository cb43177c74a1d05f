import Decimal from 'decimal.js';

// One configured Decimal for the whole app: 28 significant digits (as in a C# decimal)
// hold any price, size or hash rate an operator has — a 1 ZH/s network in H/s is 22
// digits — so rounding happens only when we show. More digits cost speed on big farms.
export const D = Decimal.clone({ precision: 28, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = InstanceType<typeof D>;

/** Matches a plain decimal string: optional minus, digits, optional fraction. No exponent. */
export const DECIMAL_PATTERN = /^-?(?:\d+)(?:\.\d+)?$/;

/** Parse a decimal string (or an existing Decimal) from inside the app. Throws on garbage. */
export function dec(value: string | number | Dec): Dec {
  if (typeof value === 'string' && !DECIMAL_PATTERN.test(value.trim())) {
    throw new Error(`"${value}" is not a decimal number`);
  }
  return new D(typeof value === 'string' ? value.trim() : value);
}

/** Decimal → the contract's decimal string: no exponent, trailing zeros trimmed. */
export function decStr(value: Dec, decimalPlaces = 12): string {
  const fixed = value.toDecimalPlaces(decimalPlaces, Decimal.ROUND_HALF_EVEN).toFixed();
  return fixed === '-0' ? '0' : fixed;
}

/** Same as decStr but null-safe: a value that cannot be computed stays null, never 0. */
export function decStrOrNull(value: Dec | null, decimalPlaces = 12): string | null {
  return value === null ? null : decStr(value, decimalPlaces);
}

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

/** Percent string ("12.5") → fraction (0.125). */
export function pctToRate(pct: string | Dec): Dec {
  return dec(pct).div(HUNDRED);
}

/** Fraction (0.125) → percent (12.5). */
export function rateToPct(rate: Dec): Dec {
  return rate.mul(HUNDRED);
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lt(b) ? a : b;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.gt(b) ? a : b;
}

/** Median of a non-empty list. */
export function medianDec(values: readonly Dec[]): Dec {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid]!;
  return sorted[mid - 1]!.plus(sorted[mid]!).div(2);
}
