import { D, type Dec, dec } from './decimal';
import { bestHashrateUnit, fromHs } from './units';

// The one place where contract values become text. Decimal strings in, strings out:
// nothing here uses binary floats, and every figure carries its unit. A value the core
// could not compute (null) shows as an em dash; callers add the reason as a tooltip.

export const MISSING = '—';

type DecimalText = string | null | undefined;

function parse(value: DecimalText): Dec | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    return dec(value);
  } catch {
    return null;
  }
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
  let text = value.toDecimalPlaces(max, D.ROUND_HALF_EVEN).toFixed(max);
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
  const abs = v.abs();
  const places = abs.gte(1) || abs.isZero() ? 2 : 6;
  const text = group(fixed(abs, 2, places));
  return v.isNegative() && !v.isZero() && text !== '0.00' ? `-$${text}` : `$${text}`;
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
  const unit = bestHashrateUnit(v);
  return `${group(fixed(fromHs(v, unit), 0, 2))} ${unit}`;
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
  return v.gt(0) ? `+${text}` : text;
}

/** Power: "850 W", "3.25 kW", "1.2 MW". */
export function formatWatts(value: DecimalText): string {
  const v = parse(value);
  if (v === null) return MISSING;
  const abs = v.abs();
  if (abs.gte(1_000_000)) return `${group(fixed(v.div(1_000_000), 0, 2))} MW`;
  if (abs.gte(1_000)) return `${group(fixed(v.div(1_000), 0, 2))} kW`;
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
  return `${group(fixed(v, 0, v.abs().lt(10) ? 3 : 1))} ${unit}`;
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
  return x.comparedTo(y);
}

/** A 0–100 number for a progress bar; the only place a decimal becomes a float for display. */
export function toBarPercent(value: DecimalText, of: DecimalText): number {
  const v = parse(value);
  const total = parse(of);
  if (v === null || total === null || total.isZero()) return 0;
  const ratio = v.div(total).mul(100);
  return Math.min(100, Math.max(0, ratio.toDecimalPlaces(1).toNumber()));
}
