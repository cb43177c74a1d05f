import { D, decStr } from '#shared/decimal';

// History retention (docs/formulas.md "History retention"): raw points for 48 hours, hourly buckets for a year, daily
// buckets after that. A bucket is one point at the start of its UTC hour (or day)
// holding the mean of what it replaces. Daily means are means of the hourly means,
// so every hour of the day counts the same however often it was polled.

export interface SeriesPoint {
  /** Milliseconds since the epoch. */
  t: number;
  /** The same time as ISO text, kept so writing the file does not re-format it. */
  iso: string;
  /** Decimal string. */
  value: string;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const RAW_RETENTION_MS = 48 * HOUR_MS;
export const HOURLY_RETENTION_MS = 365 * DAY_MS;

export interface RetentionCutoffs {
  /** Points before this time are kept as hourly buckets (hour-aligned). */
  hourlyUntil: number;
  /** Points before this time are kept as daily buckets (day-aligned). */
  dailyUntil: number;
}

export function floorTo(t: number, size: number): number {
  return Math.floor(t / size) * size;
}

export function retentionCutoffs(now: number): RetentionCutoffs {
  return {
    hourlyUntil: floorTo(now - RAW_RETENTION_MS, HOUR_MS),
    dailyUntil: floorTo(now - HOURLY_RETENTION_MS, DAY_MS),
  };
}

/** Index of the first point at or after `t` (points sorted by time). */
export function firstIndexAtOrAfter(points: readonly SeriesPoint[], t: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Mean of points[fromIndex..toIndex) as a bucket starting at `startMs`. The sum is exact: each
 * decimal string becomes an integer scaled by 10^(most fraction digits), and decimal.js
 * does the one division. Parsing every value with decimal.js instead made a year of
 * history several times slower to compact.
 */
function meanPoint(
  points: readonly SeriesPoint[],
  {
    fromIndex: from,
    toIndex: to,
    startMs: start,
  }: { fromIndex: number; toIndex: number; startMs: number },
): SeriesPoint {
  const values: string[] = [];
  for (let k = from; k < to; k += 1) values.push(points[k]!.value);
  return { t: start, iso: new Date(start).toISOString(), value: meanOfValues(values) };
}

/** An exact running sum of decimal strings, for a mean that takes one value at a time. */
export interface RunningMean {
  /** The sum times 10^scale. */
  units: bigint;
  scale: number;
  count: number;
}

function fractionDigits(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

export function runningMean(value: string): RunningMean {
  const scale = fractionDigits(value);
  return { units: scaledInteger(value, scale), scale, count: 1 };
}

export function addToMean(mean: RunningMean, value: string): RunningMean {
  const scale = Math.max(mean.scale, fractionDigits(value));
  const units = mean.units * 10n ** BigInt(scale - mean.scale) + scaledInteger(value, scale);
  return { units, scale, count: mean.count + 1 };
}

export function meanValue(mean: RunningMean): string {
  return decStr(new D(mean.units.toString()).div(new D(10).pow(mean.scale)).div(mean.count));
}

/** The exact mean of decimal strings (at least one), as a decimal string. */
export function meanOfValues(values: readonly string[]): string {
  if (values.length === 1) return values[0]!;
  let scale = 0;
  for (const value of values) scale = Math.max(scale, fractionDigits(value));
  let units = 0n;
  for (const value of values) units += scaledInteger(value, scale);
  return meanValue({ units, scale, count: values.length });
}

/** "-12.5" with scale 3 → -12500n. The value matches DECIMAL_PATTERN (checked on the way in). */
function scaledInteger(value: string, scale: number): bigint {
  const negative = value.startsWith('-');
  const digits = negative ? value.slice(1) : value;
  const dot = digits.indexOf('.');
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  const fraction = dot < 0 ? '' : digits.slice(dot + 1);
  const scaled = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -scaled : scaled;
}

/**
 * Replaces the points timed in [from, to) by one mean point per bucket of `sizeMs`;
 * `from` and `to` (epoch milliseconds) are bucket-aligned.
 */
export function rebucket(
  points: SeriesPoint[],
  { from, to, sizeMs: size }: { from: number; to: number; sizeMs: number },
): Compacted {
  const lo = firstIndexAtOrAfter(points, from);
  const hi = firstIndexAtOrAfter(points, to);
  const merged: SeriesPoint[] = [];
  let changed = false;
  let i = lo;
  while (i < hi) {
    const start = floorTo(points[i]!.t, size);
    let j = i + 1;
    while (j < hi && points[j]!.t < start + size) j += 1;
    const first = points[i]!;
    if (j - i === 1 && first.t === start) {
      merged.push(first); // already a bucket
    } else {
      merged.push(meanPoint(points, { fromIndex: i, toIndex: j, startMs: start }));
      changed = true;
    }
    i = j;
  }
  if (!changed) return { points, changed };
  if (merged.length > 10_000)
    return { points: points.slice(0, lo).concat(merged, points.slice(hi)), changed };
  // The usual case, one new hour or day: edit in place rather than copy a year of points.
  points.splice(lo, hi - lo, ...merged);
  return { points, changed };
}

export interface Compacted {
  points: SeriesPoint[];
  changed: boolean;
}

/**
 * Applies retention as of `now`. `done` says up to where earlier calls already
 * compacted, so a call only touches the new stretch. May edit `points` in place.
 */
export function compactSeries(
  points: SeriesPoint[],
  now: number,
  done: RetentionCutoffs,
): Compacted {
  const cutoffs = retentionCutoffs(now);
  let result: Compacted = { points, changed: false };
  if (cutoffs.hourlyUntil > done.hourlyUntil) {
    result = rebucket(result.points, {
      from: done.hourlyUntil,
      to: cutoffs.hourlyUntil,
      sizeMs: HOUR_MS,
    });
  }
  if (cutoffs.dailyUntil > done.dailyUntil) {
    const daily = rebucket(result.points, {
      from: done.dailyUntil,
      to: cutoffs.dailyUntil,
      sizeMs: DAY_MS,
    });
    result = { points: daily.points, changed: result.changed || daily.changed };
  }
  return result;
}
