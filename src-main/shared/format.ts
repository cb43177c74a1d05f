import {
  abs,
  atLeastPowerOfTen,
  compareValues,
  decimalFloat,
  divideValues,
  isNegative,
  isZero,
  parseDecimalText,
  shiftDown,
  shiftUp,
  toFixedText,
  toNumber,
  roundToPlaces,
  type DecimalValue,
} from './decimal-text';
import { HASHRATE_UNITS, UNIT_EXPONENT, type HashrateUnit } from './hashrate-units';

// The one place where contract values become text. Decimal strings in, strings out:
// nothing here uses binary floats, and every figure carries its unit. A value the core
// could not compute (null) shows as an em dash; callers add the reason as a tooltip.
// The arithmetic is exact on the strings (./decimal-text.ts), rounding as decimal.js
// would: the page formats its first screen without loading decimal.js.

export const MISSING = '—';

type DecimalText = string | null | undefined;

type Dec = DecimalValue;

function parse(value: DecimalText): Dec | null {
  if (value === null || value === undefined || value === '') return null;
  return parseDecimalText(value);
}

const ONE: Dec = { units: 1n, scale: 0 };

/** The largest unit in which the value is ≥ 1 (as `bestHashrateUnit` in ./units.ts). */
function bestUnit(hs: Dec): HashrateUnit {
  for (let i = HASHRATE_UNITS.length - 1; i >= 0; i--) {
    const unit = HASHRATE_UNITS[i]!;
    if (atLeastPowerOfTen(abs(hs), UNIT_EXPONENT[unit])) return unit;
  }
  return 'H/s';
}

/** Groups the integer part with commas: "54221.11" → "54,221.11". */
function group(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [int = '0', frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** Rounds to at most `max` places, keeping at least `min`, trailing zeros trimmed between. */
function fixed(value: Dec, min: number, max: number): string {
  let text = toFixedText(value, max);
  if (max > min) {
    const [int, frac = ''] = text.split('.');
    let trimmed = frac.replace(/0+$/, '');
    if (trimmed.length < min) trimmed = trimmed.padEnd(min, '0');
    text = trimmed.length > 0 ? `${int}.${trimmed}` : (int ?? '0');
  }
  return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

/** Plain number with grouping, e.g. "1,234.5". */
export function formatNumber(value: DecimalText, maxPlaces = 2, minPlaces = 0): string {
  const v = parse(value);
  return v === null ? MISSING : group(fixed(v, minPlaces, maxPlaces));
}

/** US dollars: "$54,221.11"; prices below one dollar keep up to 6 places ("$0.1234"). */
export function formatUsd(value: DecimalText): string {
  const v = parse(value);
  if (v === null) return MISSING;
  const size = abs(v);
  const places = compareValues(size, ONE) >= 0 || isZero(size) ? 2 : 6;
  const text = group(fixed(size, 2, places));
  return isNegative(v) && !isZero(v) && text !== '0.00' ? `-$${text}` : `$${text}`;
}

export function formatUsdPerDay(value: DecimalText): string {
  const text = formatUsd(value);
  return text === MISSING ? MISSING : `${text}/day`;
}

/** Coin amounts: "0.05625 BTC" (up to 8 places, trailing zeros trimmed). */
export function formatCoin(value: DecimalText, symbol: string, maxPlaces = 8): string {
  const v = parse(value);
  return v === null ? MISSING : `${group(fixed(v, 0, maxPlaces))} ${symbol}`;
}

/** A hash rate in H/s shown in its best unit: "110 TH/s". */
export function formatHashrate(hs: DecimalText): string {
  const v = parse(hs);
  if (v === null) return MISSING;
  const unit = bestUnit(v);
  return `${group(fixed(shiftDown(v, UNIT_EXPONENT[unit]), 0, 2))} ${unit}`;
}

/** A hash rate as entered on a rig: "110 TH/s". */
export function formatHashrateAs(value: DecimalText, unit: string): string {
  const v = parse(value);
  return v === null ? MISSING : `${group(fixed(v, 0, 4))} ${unit}`;
}

/** Percent strings ("12.5" is 12.5 %): "12.5 %". */
export function formatPct(value: DecimalText, maxPlaces = 2): string {
  const v = parse(value);
  return v === null ? MISSING : `${group(fixed(v, 0, maxPlaces))} %`;
}

/** A percent with an explicit sign, for changes and distances: "+4.2 %". */
export function formatSignedPct(value: DecimalText, maxPlaces = 2): string {
  const v = parse(value);
  if (v === null) return MISSING;
  const text = formatPct(value, maxPlaces);
  return v.units > 0n ? `+${text}` : text;
}

/** Power: "850 W", "3.25 kW", "1.2 MW". */
export function formatWatts(value: DecimalText): string {
  const v = parse(value);
  if (v === null) return MISSING;
  if (atLeastPowerOfTen(abs(v), 6)) return `${group(fixed(shiftDown(v, 6), 0, 2))} MW`;
  if (atLeastPowerOfTen(abs(v), 3)) return `${group(fixed(shiftDown(v, 3), 0, 2))} kW`;
  return `${group(fixed(v, 0, 0))} W`;
}

export function formatJPerTh(value: DecimalText): string {
  const v = parse(value);
  return v === null ? MISSING : `${group(fixed(v, 0, 1))} J/TH`;
}

/** Efficiency in its algorithm's unit: "17.5 J/TH", "360.5 J/GH", "0.598 J/MH". */
export function formatEfficiency(value: DecimalText, unit: string): string {
  const v = parse(value);
  if (v === null) return MISSING;
  return `${group(fixed(v, 0, atLeastPowerOfTen(abs(v), 1) ? 1 : 3))} ${unit}`;
}

/** Electricity price: "$0.08/kWh". */
export function formatPerKwh(value: DecimalText): string {
  const v = parse(value);
  return v === null ? MISSING : `$${group(fixed(v, 2, 4))}/kWh`;
}

/** BTC hashprice: "$54.21/PH/s/day". */
export function formatHashprice(value: DecimalText): string {
  const text = formatUsd(value);
  return text === MISSING ? MISSING : `${text}/PH/s/day`;
}

export function formatLeverage(value: DecimalText): string {
  const v = parse(value);
  return v === null ? MISSING : `${group(fixed(v, 0, 2))}×`;
}

/** Health factor (Aave style): "1.60". */
export function formatFactor(value: DecimalText): string {
  const v = parse(value);
  return v === null ? MISSING : group(fixed(v, 2, 2));
}

export function formatCount(value: number): string {
  return group(String(Math.trunc(value)));
}

/** How long ago, from a count of seconds: "12 s ago", "3 min ago", "5 h ago", "2 d ago". */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return MISSING;
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

/** Seconds as a duration: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return MISSING;
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

// One formatter each, made on first use: `toLocaleString` with options builds a new one
// per call, a large share of a page that shows a few hundred times.
let dateTimeFormat: Intl.DateTimeFormat | undefined;
let dateFormat: Intl.DateTimeFormat | undefined;

/** An ISO date-time in the operator's locale: "24 Nov 2025, 17:01". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return MISSING;
  dateTimeFormat ??= new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return dateTimeFormat.format(t);
}

/** An ISO date (YYYY-MM-DD) as written: "24 Nov 2025". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const t = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t.getTime())) return MISSING;
  dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  return dateFormat.format(t);
}

/** Decimal strings compared exactly, for sorting tables; nulls sort last. */
export function compareDecimal(a: DecimalText, b: DecimalText): number {
  const x = parse(a);
  const y = parse(b);
  if (x === null && y === null) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return compareValues(x, y);
}

/** A 0–100 number for a progress bar; the only place a decimal becomes a float for display. */
export function toBarPercent(value: DecimalText, of: DecimalText): number {
  // Most bars are settled by floats: the quotient in tenths of a percent is within a
  // billionth of the exact one, so it rounds the same unless it lies that close to a half.
  // Only such a near tie (or a value floats cannot hold) is worked out exactly, as
  // decimal.js would, with integer arithmetic.
  const x = decimalFloat(value);
  const y = decimalFloat(of);
  if (x !== null && y !== null && y !== 0) {
    const tenths = (x / y) * 1000;
    if (Number.isFinite(tenths)) {
      if (tenths <= -1) return 0;
      if (tenths >= 1001) return 100;
      if (Math.abs(tenths - Math.floor(tenths) - 0.5) > 1e-6) {
        return Math.min(100, Math.max(0, Math.round(tenths) / 10));
      }
    }
  }
  const v = parse(value);
  const total = parse(of);
  if (v === null || total === null || isZero(total)) return 0;
  const ratio = shiftUp(divideValues(v, total), 2);
  return Math.min(100, Math.max(0, toNumber(roundToPlaces(ratio, 1))));
}
