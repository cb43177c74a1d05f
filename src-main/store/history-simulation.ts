import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HISTORY_FILE } from './file-names';
import { openHistory } from './history';
import { HOUR_MS, RAW_RETENTION_MS, meanValue } from './retention';

// Feeds history.json the way a long-running farm does (every series polled at a fixed
// interval) and reports how large it ends up. Used by the retention test and by the
// benchmark (bench/), which times it.

export interface HistorySimulationOptions {
  dataDir: string;
  seriesCount?: number;
  /** The series names to write (default: seriesCount made-up names). */
  names?: readonly string[];
  days?: number;
  intervalSec?: number;
  start?: Date;
  /** Write the file every this many simulated days as well as at the end (default: only at the end). */
  flushEveryDays?: number;
  /**
   * Feed the stretch older than the raw retention (48 h before the end) as the hourly
   * buckets retention would have made of it — each the mean of the hour's polls — instead
   * of every poll. The file ends up the same; a year takes seconds instead of minutes.
   */
  hourlyBeforeRaw?: boolean;
}

export interface HistorySimulationResult {
  appends: number;
  seriesCount: number;
  /** Points kept, per series name. */
  pointsPerSeries: Record<string, number>;
  /** Size of history.json after the final flush. */
  fileBytes: number;
}

/** A deterministic price-like value in cents for series `s` at step `i`. */
function simulatedCents(s: number, i: number): number {
  const whole = 1_000 + ((i * 7_919 + s * 104_729) % 60_000);
  return whole * 100 + ((i * 31 + s * 17) % 100);
}

function simulatedValue(s: number, i: number): string {
  const cents = simulatedCents(s, i);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** The exact mean of `count` polls from step `i0`, as retention's hourly bucket holds it. */
function simulatedMean(s: number, i0: number, count: number): string {
  let cents = 0; // below 2^53: integer arithmetic in a number is exact
  for (let k = 0; k < count; k += 1) cents += simulatedCents(s, i0 + k);
  return meanValue({ units: BigInt(cents), scale: 2, count });
}

export async function simulateHistory(
  options: HistorySimulationOptions,
): Promise<HistorySimulationResult> {
  const seriesCount = options.names?.length ?? options.seriesCount ?? 20;
  const days = options.days ?? 365;
  const intervalMs = (options.intervalSec ?? 60) * 1_000;
  const start = (options.start ?? new Date('2026-01-01T00:00:00Z')).getTime();
  const steps = Math.floor((days * 86_400_000) / intervalMs);
  const flushEverySteps =
    options.flushEveryDays === undefined
      ? Infinity
      : Math.floor((options.flushEveryDays * 86_400_000) / intervalMs);
  const names =
    options.names ??
    Array.from({ length: seriesCount }, (_, s) => `series-${String(s).padStart(2, '0')}`);

  const history = await openHistory({
    dataDir: options.dataDir,
    now: () => new Date(start),
    log: () => undefined,
    notices: [],
    // Timers never fire inside this synchronous loop; writes happen on flush().
    flushDelayMs: 3_600_000,
  });
  let first = 0;
  let appends = 0;
  if (options.hourlyBeforeRaw === true) {
    const rawFrom = start + days * 86_400_000 - RAW_RETENTION_MS;
    const stepsPerHour = Math.round(HOUR_MS / intervalMs);
    for (let hour = start; hour + HOUR_MS <= rawFrom; hour += HOUR_MS) {
      const i0 = Math.round((hour - start) / intervalMs);
      const values: Record<string, string> = {};
      names.forEach((name, s) => (values[name] = simulatedMean(s, i0, stepsPerHour)));
      history.append(values, new Date(hour));
      appends += 1;
      first = i0 + stepsPerHour;
    }
  }
  for (let i = first; i < steps; i += 1) {
    const values: Record<string, string> = {};
    names.forEach((name, s) => (values[name] = simulatedValue(s, i)));
    history.append(values, new Date(start + i * intervalMs));
    appends += 1;
    if ((i + 1) % flushEverySteps === 0) await history.flush();
  }
  await history.close();

  const pointsPerSeries: Record<string, number> = {};
  for (const name of history.seriesNames()) pointsPerSeries[name] = history.query(name).length;
  const { size } = await stat(join(options.dataDir, HISTORY_FILE));
  return { appends, seriesCount, pointsPerSeries, fileBytes: size };
}
