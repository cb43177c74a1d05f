import { join } from 'node:path';
import { DECIMAL_PATTERN } from '#shared/decimal';
import { decodeHistory } from './documents';
import { durableJsonFile, moveAside, parseJsonText, type DurableJsonFile } from './durable-file';
import { HISTORY_FILE } from './file-names';
import { canonicalDecimal, decodeSeries, encodeSeries } from './history-encoding';
import {
  MINUTE_MS,
  compactSeries,
  firstIndexAtOrAfter,
  floorTo,
  addToMean,
  meanValue,
  retentionCutoffs,
  runningMean,
  type RunningMean,
  type SeriesPoint,
} from './retention';
import { HISTORY_SCHEMA_VERSION, type HistoryDocument, type HistoryPoint } from './schema';
import type { RaisedNotice } from './notices';
import { StoreError } from './store-error';
import { describeError } from '#shared/describe-error';

// history.json: one time series per name (a price, network figures, a farm's hash power
// or profit), kept in memory as one point per minute however often the feeds poll (the
// minute's mean), compacted as time passes (retention.ts), stored compactly
// (history-encoding.ts) and written in the background at most every few seconds, and on
// flush() and close().

export interface HistoryStore {
  /**
   * Records one value per series (decimal strings) at time `at`, into the point of `at`'s
   * minute (the mean of that minute's values); `at` also drives retention.
   */
  append(values: Record<string, string>, at: Date): void;
  /** Points of one series with from ≤ time ≤ to, oldest first. */
  query(series: string, from?: Date | string, to?: Date | string): HistoryPoint[];
  seriesNames(): string[];
  /** The whole history as history.json holds it (for a backup that carries it). */
  toDocument(): HistoryDocument;
  /** Replaces the whole history with a document's (a backup imported), and writes it. */
  replaceWith(document: HistoryDocument): Promise<void>;
  /** Writes pending points durably. */
  flush(): Promise<void>;
  /** Flushes, then refuses further appends. */
  close(): Promise<void>;
}

export interface OpenHistoryOptions {
  dataDir: string;
  now: () => Date;
  log: (line: string) => void;
  /** Recovery messages for the operator are added here. */
  notices: RaisedNotice[];
  /** Appends reach the disk at most this long after they happen (default 5 s). */
  flushDelayMs?: number | undefined;
}

export const DEFAULT_HISTORY_FLUSH_DELAY_MS = 5_000;

function seriesFromDocument(document: HistoryDocument): Map<string, SeriesPoint[]> {
  const series = new Map<string, SeriesPoint[]>();
  for (const [name, segments] of Object.entries(document.series)) {
    series.set(
      name,
      decodeSeries(segments).sort((a, b) => a.t - b.t),
    );
  }
  return series;
}

/**
 * What a series received in its latest minute, so that minute's point is their mean. The
 * mean is worked out when the point is next read (settled), not on every poll: a
 * 1-second feed then costs an integer addition per value.
 */
interface OpenMinute {
  t: number;
  mean: RunningMean;
  settled: boolean;
}

/** Adds `value` to the point of minute `t`: a new point, or the mean with what it holds. */
function addToMinute(
  points: SeriesPoint[],
  t: number,
  iso: string,
  value: string,
  open: OpenMinute | undefined,
): OpenMinute {
  const last = points[points.length - 1];
  const index = last === undefined || last.t < t ? points.length : firstIndexAtOrAfter(points, t);
  const existing = points[index];
  if (existing?.t !== t) {
    points.splice(index, 0, { t, iso, value });
    return { t, mean: runningMean(value), settled: true };
  }
  // A point read from the file or a bucket made earlier counts as one value.
  const mean = addToMean(open?.t === t ? open.mean : runningMean(existing.value), value);
  return { t, mean, settled: false };
}

function toTime(value: Date | string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const t = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(t)) throw new Error(`"${String(value)}" is not a date and time.`);
  return t;
}

async function loadSeries(
  options: OpenHistoryOptions,
  file: DurableJsonFile<HistoryDocument>,
): Promise<Map<string, SeriesPoint[]>> {
  const path = file.path;
  const text = await file.readText();
  if (text === null) return new Map();
  try {
    return seriesFromDocument(decodeHistory(parseJsonText(path, text)).document);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'newer-version') throw error;
    const at = options.now();
    const movedTo = await moveAside(path, at);
    const reason = describeError(error);
    const message =
      `RigLedger could not read its chart history: ${reason} The file was left untouched and ` +
      `moved to ${movedTo}; charts start empty from now on. Your rigs, loans and positions are not affected.`;
    options.log(message);
    options.notices.push({ kind: 'recovered-empty', message, at: at.toISOString() });
    return new Map();
  }
}

export async function openHistory(options: OpenHistoryOptions): Promise<HistoryStore> {
  const path = join(options.dataDir, HISTORY_FILE);
  const file = durableJsonFile<HistoryDocument>(path, {
    decode: (json) => decodeHistory(json).document,
  });
  const series = await loadSeries(options, file);
  const flushDelayMs = options.flushDelayMs ?? DEFAULT_HISTORY_FLUSH_DELAY_MS;

  let latestAt = Number.NEGATIVE_INFINITY;
  for (const points of series.values())
    latestAt = Math.max(latestAt, points[points.length - 1]?.t ?? latestAt);
  // Everything before these times is already in hourly / daily buckets (-∞: check all).
  const compacted = { hourlyUntil: Number.NEGATIVE_INFINITY, dailyUntil: Number.NEGATIVE_INFINITY };
  const openMinutes = new Map<string, OpenMinute>();
  let dirty = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** Writes an open minute's mean into its point. */
  function settle(name: string, open: OpenMinute): void {
    if (open.settled) return;
    open.settled = true;
    const points = series.get(name) ?? [];
    const last = points.length - 1;
    const index = points[last]?.t === open.t ? last : firstIndexAtOrAfter(points, open.t);
    const point = points[index];
    if (point?.t === open.t) points[index] = { ...point, value: meanValue(open.mean) };
  }

  function settleAll(): void {
    for (const [name, open] of openMinutes) settle(name, open);
  }

  function compactAll(now: number): void {
    if (!Number.isFinite(now)) return;
    const cutoffs = retentionCutoffs(now);
    // Cutoffs move once an hour (a day for the daily tier); most appends have nothing to do.
    if (cutoffs.hourlyUntil <= compacted.hourlyUntil && cutoffs.dailyUntil <= compacted.dailyUntil)
      return;
    settleAll();
    for (const [name, points] of series) {
      const result = compactSeries(points, now, compacted);
      if (result.changed) {
        series.set(name, result.points);
        dirty = true;
      }
    }
    compacted.hourlyUntil = Math.max(compacted.hourlyUntil, cutoffs.hourlyUntil);
    compacted.dailyUntil = Math.max(compacted.dailyUntil, cutoffs.dailyUntil);
  }

  function toDocument(): HistoryDocument {
    const document: HistoryDocument = { schemaVersion: HISTORY_SCHEMA_VERSION, series: {} };
    for (const [name, points] of series) document.series[name] = encodeSeries(points);
    return document;
  }

  async function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    compactAll(latestAt);
    settleAll();
    if (!dirty) return file.settled();
    dirty = false;
    try {
      await file.write(toDocument());
    } catch (error) {
      dirty = true;
      throw error;
    }
  }

  function scheduleFlush(): void {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      flush().catch((error: unknown) => {
        options.log(`The chart history could not be saved: ${describeError(error)}`);
      });
    }, flushDelayMs);
    timer.unref?.();
  }

  return {
    append(values, at) {
      if (closed)
        throw new StoreError('closed', 'RigLedger is shutting down; the chart history is closed.');
      const t = at.getTime();
      if (Number.isNaN(t)) throw new Error('A history point needs a valid time.');
      for (const [name, value] of Object.entries(values)) {
        if (!DECIMAL_PATTERN.test(value)) {
          throw new Error(`The history value for ${name} is not a decimal number ("${value}").`);
        }
      }
      const minute = floorTo(t, MINUTE_MS);
      const iso = new Date(minute).toISOString();
      for (const [name, value] of Object.entries(values)) {
        let points = series.get(name);
        if (points === undefined) {
          points = [];
          series.set(name, points);
        }
        const open = openMinutes.get(name);
        if (open !== undefined && open.t !== minute) settle(name, open);
        openMinutes.set(name, addToMinute(points, minute, iso, canonicalDecimal(value), open));
      }
      // A late point inside an already bucketed period: re-bucket everything next time.
      if (minute < compacted.hourlyUntil) {
        compacted.hourlyUntil = Number.NEGATIVE_INFINITY;
        compacted.dailyUntil = Number.NEGATIVE_INFINITY;
      }
      latestAt = Math.max(latestAt, t);
      dirty = true;
      compactAll(t);
      scheduleFlush();
    },

    query(name, from, to) {
      const open = openMinutes.get(name);
      if (open !== undefined) settle(name, open);
      const points = series.get(name) ?? [];
      const start = firstIndexAtOrAfter(points, toTime(from, Number.NEGATIVE_INFINITY));
      const end = firstIndexAtOrAfter(points, toTime(to, Number.POSITIVE_INFINITY) + 1);
      return points.slice(start, end).map((p): HistoryPoint => [p.iso, p.value]);
    },

    seriesNames: () => [...series.keys()].sort(),

    toDocument() {
      settleAll();
      return toDocument();
    },

    async replaceWith(document) {
      if (closed)
        throw new StoreError('closed', 'RigLedger is shutting down; the chart history is closed.');
      openMinutes.clear();
      series.clear();
      for (const [name, points] of seriesFromDocument(document)) series.set(name, points);
      latestAt = Number.NEGATIVE_INFINITY;
      for (const points of series.values())
        latestAt = Math.max(latestAt, points[points.length - 1]?.t ?? latestAt);
      compacted.hourlyUntil = Number.NEGATIVE_INFINITY;
      compacted.dailyUntil = Number.NEGATIVE_INFINITY;
      dirty = true;
      await flush();
    },

    flush,

    async close() {
      if (closed) return file.settled();
      await flush();
      closed = true;
    },
  };
}
