import Decimal from 'decimal.js';
import { DECIMAL_PATTERN } from './decimal-text';

// One configured Decimal for the whole app: 28 significant digits (as in a C# decimal)
// hold any price, size or hash rate an operator has — a 1 ZH/s network in H/s is 22
// digits — so rounding happens only when we show. More digits cost speed on big farms.
export const D = Decimal.clone({ precision: 28, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = InstanceType<typeof D>;

/** Matches a plain decimal string: optional minus, digits, optional fraction. No exponent. */
export { DECIMAL_PATTERN };

/** Parse a decimal string (or an existing Decimal) from inside the app. Throws on garbage. */
export function dec(value: string | number | Dec): Dec {
  if (typeof value === 'string' && !DECIMAL_PATTERN.test(value.trim())) {
    throw new Error(`"${value}" is not a decimal number`);
  }
  return new D(typeof value === 'string' ? value.trim() : value);
}

/** Decimal → the contract's decimal string: no exponent, trailing zeros trimmed. */
export function decStr(value: Dec, decimalPlaces = 12): string {
  // Most values already fit (a price, an amount as typed): rounding them would only copy.
  const rounded =
    value.decimalPlaces() <= decimalPlaces
      ? value
      : value.toDecimalPlaces(decimalPlaces, Decimal.ROUND_HALF_EVEN);
  const fixed = rounded.toFixed();
  return fixed === '-0' ? '0' : fixed;
}

/**
 * A binary number (a probability, say: not money) as `decStr(dec(x), decimalPlaces)` writes
 * it — the number's shortest decimal form, rounded half to even — without building a
 * Decimal: the odds of every position on every price tick are written this way.
 */
export function numberStr(x: number, decimalPlaces: number): string {
  if (!Number.isFinite(x)) throw new Error(`${x} is not a finite number`);
  if (!Number.isInteger(decimalPlaces) || decimalPlaces < 0 || decimalPlaces > 5) {
    throw new Error(`numberStr writes 0 to 5 decimal places, not ${decimalPlaces}`);
  }
  const negative = x < 0;
  const text = String(Math.abs(x));
  // Below 1e-6 String() writes an exponent; such a value is under half a unit of the
  // fifth place, so it rounds to zero.
  if (text.includes('e')) {
    if (Math.abs(x) >= 1) throw new Error(`${x} is too large to write without an exponent`);
    return '0';
  }
  const dot = text.indexOf('.');
  const whole = dot === -1 ? text : text.slice(0, dot);
  const fraction = dot === -1 ? '' : text.slice(dot + 1);
  const keptText = whole + fraction.slice(0, decimalPlaces).padEnd(decimalPlaces, '0');
  // Up to 15 digits are exact in a double; longer ones take BigInt.
  const small = keptText.length <= 15;
  let kept: number | bigint = small ? Number(keptText) : BigInt(keptText);
  if (fraction.length > decimalPlaces) {
    const first = fraction.charCodeAt(decimalPlaces) - 48;
    let beyond = false;
    for (let i = decimalPlaces + 1; i < fraction.length && !beyond; i += 1) {
      beyond = fraction.charCodeAt(i) !== 48;
    }
    const odd = typeof kept === 'number' ? kept % 2 === 1 : kept % 2n === 1n;
    if (first > 5 || (first === 5 && (beyond || odd))) {
      kept = typeof kept === 'number' ? kept + 1 : kept + 1n;
    }
  }
  if (kept === 0 || kept === 0n) return '0';
  let digits = kept.toString().padStart(decimalPlaces + 1, '0');
  let out = digits;
  if (decimalPlaces > 0) {
    let end = digits.length;
    while (end > digits.length - decimalPlaces && digits.charCodeAt(end - 1) === 48) end -= 1;
    const fractionDigits = digits.slice(digits.length - decimalPlaces, end);
    digits = digits.slice(0, -decimalPlaces);
    out = fractionDigits === '' ? digits : `${digits}.${fractionDigits}`;
  }
  return negative ? `-${out}` : out;
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
