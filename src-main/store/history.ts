import { join } from 'node:path';
import { DECIMAL_PATTERN } from '#shared/decimal';
import { decodeHistory } from './documents';
import { durableJsonFile, moveAside, parseJsonText, type DurableJsonFile } from './durable-file';
import { HISTORY_FILE } from './file-names';
import {
  compactSeries,
  firstIndexAtOrAfter,
  retentionCutoffs,
  type SeriesPoint,
} from './retention';
import { HISTORY_SCHEMA_VERSION, type HistoryDocument, type HistoryPoint } from './schema';
import type { RaisedNotice } from './notices';
import { StoreError } from './store-error';
import { describeError } from '#shared/describe-error';

// history.json: one time series per name (a price, a farm's hash power, a loan's LTV),
// kept in memory, compacted as time passes (retention.ts) and written in the
// background at most every few seconds, and on flush() and close().

export interface HistoryStore {
  /** Records one value per series (decimal strings) at time `at`; `at` also drives retention. */
  append(values: Record<string, string>, at: Date): void;
  /** Points of one series with from ≤ time ≤ to, oldest first. */
  query(series: string, from?: Date | string, to?: Date | string): HistoryPoint[];
  seriesNames(): string[];
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

function toPoint(iso: string, value: string, fileName: string): SeriesPoint {
  const t = Date.parse(iso);
  if (Number.isNaN(t))
    throw new Error(`${fileName} holds a point with an unreadable time ("${iso}").`);
  if (!DECIMAL_PATTERN.test(value))
    throw new Error(`${fileName} holds a value that is not a number ("${value}").`);
  return { t, iso, value };
}

function seriesFromDocument(document: HistoryDocument): Map<string, SeriesPoint[]> {
  const series = new Map<string, SeriesPoint[]>();
  for (const [name, points] of Object.entries(document.series)) {
    const parsed = points.map(([iso, value]) => toPoint(iso, value, HISTORY_FILE));
    series.set(
      name,
      parsed.sort((a, b) => a.t - b.t),
    );
  }
  return series;
}

function insertPoint(points: SeriesPoint[], point: SeriesPoint): void {
  const last = points[points.length - 1];
  if (last === undefined || last.t < point.t) {
    points.push(point);
    return;
  }
  const index = firstIndexAtOrAfter(points, point.t);
  if (points[index]?.t === point.t) points[index] = point;
  else points.splice(index, 0, point);
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
  let dirty = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function compactAll(now: number): void {
    if (!Number.isFinite(now)) return;
    const cutoffs = retentionCutoffs(now);
    // Cutoffs move once an hour (a day for the daily tier); most appends have nothing to do.
    if (cutoffs.hourlyUntil <= compacted.hourlyUntil && cutoffs.dailyUntil <= compacted.dailyUntil)
      return;
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
    for (const [name, points] of series) {
      document.series[name] = points.map((p): HistoryPoint => [p.iso, p.value]);
    }
    return document;
  }

  async function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    compactAll(latestAt);
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
      const iso = at.toISOString();
      for (const [name, value] of Object.entries(values)) {
        let points = series.get(name);
        if (points === undefined) {
          points = [];
          series.set(name, points);
        }
        insertPoint(points, { t, iso, value });
      }
      // A late point inside an already bucketed period: re-bucket everything next time.
      if (t < compacted.hourlyUntil) {
        compacted.hourlyUntil = Number.NEGATIVE_INFINITY;
        compacted.dailyUntil = Number.NEGATIVE_INFINITY;
      }
      latestAt = Math.max(latestAt, t);
      dirty = true;
      compactAll(t);
      scheduleFlush();
    },

    query(name, from, to) {
      const points = series.get(name) ?? [];
      const start = firstIndexAtOrAfter(points, toTime(from, Number.NEGATIVE_INFINITY));
      const end = firstIndexAtOrAfter(points, toTime(to, Number.POSITIVE_INFINITY) + 1);
      return points.slice(start, end).map((p): HistoryPoint => [p.iso, p.value]);
    },

    seriesNames: () => [...series.keys()].sort(),

    flush,

    async close() {
      if (closed) return file.settled();
      await flush();
      closed = true;
    },
  };
}
