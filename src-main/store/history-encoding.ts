import { HOUR_MS, type SeriesPoint } from './retention';
import type { HistorySegment } from './schema';

// The compact form of one series in history.json (docs/architecture.md "History"): runs
// of points a fixed step apart, each run a start time, the step in seconds and its values
// as one comma-separated text — the first value, then each value's exact decimal
// difference from the one before. A year of hourly prices costs a few bytes a point
// instead of an ISO time and a full value each.

/** A decimal string as an integer and a count of fraction digits: "-12.50" → (-1250n, 2). */
interface Scaled {
  units: bigint;
  scale: number;
}

function toScaled(value: string): Scaled {
  const dot = value.indexOf('.');
  if (dot < 0) return { units: BigInt(value), scale: 0 };
  const fraction = value.slice(dot + 1);
  const whole = value.slice(0, dot);
  const negative = whole.startsWith('-');
  const units = BigInt(`${negative ? whole.slice(1) : whole}${fraction}`);
  return { units: negative ? -units : units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

/** The shortest plain decimal string: no trailing fraction zeros, no "-0". */
function fromScaled(units: bigint, scale: number): string {
  let u = units;
  let s = scale;
  while (s > 0 && u % 10n === 0n) {
    u /= 10n;
    s -= 1;
  }
  const negative = u < 0n;
  const digits = (negative ? -u : u).toString().padStart(s + 1, '0');
  const text = s === 0 ? digits : `${digits.slice(0, -s)}.${digits.slice(-s)}`;
  return negative ? `-${text}` : text;
}

/** The value as history.json gives it back: "12.50" → "12.5", "-0" → "0". */
export function canonicalDecimal(value: string): string {
  const scaled = toScaled(value);
  return fromScaled(scaled.units, scaled.scale);
}

function encodeValues(values: readonly string[]): string {
  const out: string[] = [];
  let previous: Scaled | null = null;
  for (const value of values) {
    const current = toScaled(value);
    if (previous === null) out.push(fromScaled(current.units, current.scale));
    else {
      const scale = Math.max(previous.scale, current.scale);
      out.push(fromScaled(rescale(current, scale) - rescale(previous, scale), scale));
    }
    previous = current;
  }
  return out.join(',');
}

function decodeValues(text: string): string[] {
  const values: string[] = [];
  let running: Scaled | null = null;
  for (const part of text.split(',')) {
    const delta = toScaled(part);
    if (running === null) running = delta;
    else {
      const scale = Math.max(running.scale, delta.scale);
      running = { units: rescale(running, scale) + rescale(delta, scale), scale };
    }
    values.push(fromScaled(running.units, running.scale));
  }
  return values;
}

/** Splits points (sorted, whole seconds) into runs a fixed step apart. */
export function encodeSeries(points: readonly SeriesPoint[]): HistorySegment[] {
  const segments: HistorySegment[] = [];
  let i = 0;
  while (i < points.length) {
    const first = points[i]!;
    const next = points[i + 1];
    // A lone point's step is never used; an hour reads well in the file.
    const stepMs = next === undefined ? HOUR_MS : next.t - first.t;
    let j = i + 1;
    while (j < points.length && points[j]!.t - points[j - 1]!.t === stepMs) j += 1;
    segments.push({
      start: first.iso,
      stepSec: stepMs / 1_000,
      values: encodeValues(points.slice(i, j).map((p) => p.value)),
    });
    i = j;
  }
  return segments;
}

/** The points of a series back from its runs. Throws on a time that cannot be read. */
export function decodeSeries(segments: readonly HistorySegment[]): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (const segment of segments) {
    const start = Date.parse(segment.start);
    if (Number.isNaN(start))
      throw new Error(`a run starts at an unreadable time ("${segment.start}").`);
    const stepMs = segment.stepSec * 1_000;
    decodeValues(segment.values).forEach((value, k) => {
      const t = start + k * stepMs;
      points.push({ t, iso: new Date(t).toISOString(), value });
    });
  }
  return points;
}
