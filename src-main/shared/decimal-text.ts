// Exact arithmetic on decimal strings for showing them: comparing, rounding half to even,
// moving the decimal point, one division for a bar. Integers (BigInt) and a count of
// decimal places, no binary floats and no decimal.js: the dashboard's first screen formats
// every figure with this and loads no decimal library (docs/architecture.md "The first
// screen"). Where decimal.js would round a quotient to 28 significant digits
// (`shared/decimal.ts`), so does this, so a figure reads the same either way.

/**
 * A plain decimal number as the contract writes one ("-12.5"). Defined here, where no
 * decimal library comes with it; ./decimal.ts passes it on as it was.
 */
export const DECIMAL_PATTERN = /^-?(?:\d+)(?:\.\d+)?$/;

/** The significant digits decimal.js keeps in a quotient here (./decimal.ts). */
export const SIGNIFICANT_DIGITS = 28;

/** `units / 10^scale`, exactly. */
export interface DecimalValue {
  units: bigint;
  scale: number;
}

/** A decimal string (spaces around it allowed) as a value; null when it is not one. */
export function parseDecimalText(text: string): DecimalValue | null {
  const trimmed = text.trim();
  if (!DECIMAL_PATTERN.test(trimmed)) return null;
  const dot = trimmed.indexOf('.');
  if (dot === -1) return { units: BigInt(trimmed), scale: 0 };
  return {
    units: BigInt(trimmed.slice(0, dot) + trimmed.slice(dot + 1)),
    scale: trimmed.length - dot - 1,
  };
}

/**
 * The nearest float of a decimal string (spaces around it allowed), or null when it is not
 * one: for what only needs a float (a bar's width, a chart's point, a sort key).
 */
export function decimalFloat(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  return DECIMAL_PATTERN.test(trimmed) ? Number(trimmed) : null;
}

/** As parseDecimalText, but a string that is not a decimal number is an error. */
export function decimalValue(text: string): DecimalValue {
  const value = parseDecimalText(text);
  if (value === null) throw new Error(`"${text}" is not a decimal number`);
  return value;
}

const TEN = 10n;
const pow10 = (n: number): bigint => TEN ** BigInt(n);

/** Units at a larger scale (same value). */
const atScale = (value: DecimalValue, scale: number): bigint =>
  value.units * pow10(scale - value.scale);

export function compareValues(a: DecimalValue, b: DecimalValue): number {
  const scale = Math.max(a.scale, b.scale);
  const x = atScale(a, scale);
  const y = atScale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Two decimal strings compared exactly (-1, 0, 1), most of the time without parsing them:
 * their nearest floats order any two that differ there, since rounding to the nearest
 * float never swaps two numbers; only two that round to the same float are parsed.
 */
export function compareDecimalText(a: string, b: string): number {
  if (a === b) return 0;
  const x = Number(a);
  const y = Number(b);
  if (x < y) return -1;
  if (x > y) return 1;
  return compareValues(decimalValue(a), decimalValue(b));
}

/** -1, 0 or 1: the sign of a decimal string. */
export function decimalSign(text: string): number {
  const { units } = decimalValue(text);
  return units < 0n ? -1 : units > 0n ? 1 : 0;
}

export const isZero = (value: DecimalValue): boolean => value.units === 0n;
export const isNegative = (value: DecimalValue): boolean => value.units < 0n;
export const abs = (value: DecimalValue): DecimalValue =>
  value.units < 0n ? { units: -value.units, scale: value.scale } : value;

/** `a ≥ 10^exponent` for a value at or above zero. */
export const atLeastPowerOfTen = (value: DecimalValue, exponent: number): boolean =>
  compareValues(value, { units: pow10(Math.max(0, exponent)), scale: Math.max(0, -exponent) }) >= 0;

/** `n / d` rounded to a whole number, half to even (d > 0). */
function divideHalfEven(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const m = negative ? -n : n;
  let q = m / d;
  const r2 = (m % d) * 2n;
  if (r2 > d || (r2 === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** The value rounded half to even to `places` decimal places. */
export function roundToPlaces(value: DecimalValue, places: number): DecimalValue {
  if (value.scale <= places) return value;
  return { units: divideHalfEven(value.units, pow10(value.scale - places)), scale: places };
}

const digitCount = (n: bigint): number => (n < 0n ? -n : n).toString().length;

/** The value rounded half to even to `digits` significant digits. */
export function roundToSignificant(value: DecimalValue, digits: number): DecimalValue {
  const extra = digitCount(value.units) - digits;
  if (value.units === 0n || extra <= 0) return value;
  // Kept as a whole number of units at a smaller scale; a negative scale is a trailing zero count.
  const units = divideHalfEven(value.units, pow10(extra));
  return {
    units: units * pow10(Math.max(0, -(value.scale - extra))),
    scale: Math.max(0, value.scale - extra),
  };
}

/** The value divided by 10^exponent, as decimal.js divides (28 significant digits). */
export function shiftDown(value: DecimalValue, exponent: number): DecimalValue {
  return roundToSignificant(
    { units: value.units, scale: value.scale + exponent },
    SIGNIFICANT_DIGITS,
  );
}

/**
 * `a / b` as decimal.js divides: rounded half to even to 28 significant digits (b ≠ 0).
 */
export function divideValues(a: DecimalValue, b: DecimalValue): DecimalValue {
  if (b.units === 0n) throw new Error('division by zero');
  if (a.units === 0n) return { units: 0n, scale: 0 };
  // a / b = (a.units / b.units) / 10^(a.scale − b.scale). Enough digits of the quotient of
  // the units for 28 significant ones, plus a sticky remainder for the rounding.
  const negative = a.units < 0n !== b.units < 0n;
  const n = a.units < 0n ? -a.units : a.units;
  const d = b.units < 0n ? -b.units : b.units;
  const shift = Math.max(0, SIGNIFICANT_DIGITS + 2 + digitCount(d) - digitCount(n));
  const scaled = n * pow10(shift);
  let q = scaled / d;
  // A remainder left after the kept digits: one more digit that is not zero keeps a tie
  // from looking exact.
  if (scaled % d !== 0n) q = q * 10n + 1n;
  const extraDigit = scaled % d !== 0n ? 1 : 0;
  const value = {
    units: negative ? -q : q,
    scale: shift + extraDigit + a.scale - b.scale,
  };
  return normalise(roundToSignificant(value, SIGNIFICANT_DIGITS));
}

/** The same value without trailing zeros after the point, a scale of at least zero. */
function normalise(value: DecimalValue): DecimalValue {
  let { units, scale } = value;
  if (scale < 0) return { units: units * pow10(-scale), scale: 0 };
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

/** The value multiplied by 10^exponent (exact). */
export function shiftUp(value: DecimalValue, exponent: number): DecimalValue {
  return value.scale >= exponent
    ? { units: value.units, scale: value.scale - exponent }
    : { units: value.units * pow10(exponent - value.scale), scale: 0 };
}

/** The value written with exactly `places` decimal places ("-0.50"), already rounded to them. */
export function toFixedText(value: DecimalValue, places: number): string {
  const rounded = roundToPlaces(value, places);
  const units = atScale(rounded, places);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const text = places === 0 ? int : `${int}.${digits.slice(digits.length - places)}`;
  return negative ? `-${text}` : text;
}

/** The value as a binary number, for a bar's width only. */
export const toNumber = (value: DecimalValue): number =>
  Number(toFixedText(value, Math.max(0, value.scale)));
