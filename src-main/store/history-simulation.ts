import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HISTORY_FILE } from './file-names';
import { openHistory } from './history';

// Feeds history.json the way a long-running farm does (every series polled at a fixed
// interval) and reports how large it ends up. Used by the retention test and by the
// benchmark (bench/), which times it.

export interface HistorySimulationOptions {
  dataDir: string;
  seriesCount?: number;
  days?: number;
  intervalSec?: number;
  start?: Date;
  /** Write the file every this many simulated days as well as at the end (default: only at the end). */
  flushEveryDays?: number;
}

export interface HistorySimulationResult {
  appends: number;
  seriesCount: number;
  /** Points kept, per series name. */
  pointsPerSeries: Record<string, number>;
  /** Size of history.json after the final flush. */
  fileBytes: number;
}

/** A deterministic price-like decimal string for series `s` at step `i`. */
function simulatedValue(s: number, i: number): string {
  const whole = 1_000 + ((i * 7_919 + s * 104_729) % 60_000);
  const cents = (i * 31 + s * 17) % 100;
  return `${whole}.${String(cents).padStart(2, '0')}`;
}

export async function simulateHistory(
  options: HistorySimulationOptions,
): Promise<HistorySimulationResult> {
  const seriesCount = options.seriesCount ?? 20;
  const days = options.days ?? 365;
  const intervalMs = (options.intervalSec ?? 60) * 1_000;
  const start = (options.start ?? new Date('2026-01-01T00:00:00Z')).getTime();
  const steps = Math.floor((days * 86_400_000) / intervalMs);
  const flushEverySteps =
    options.flushEveryDays === undefined
      ? Infinity
      : Math.floor((options.flushEveryDays * 86_400_000) / intervalMs);
  const names = Array.from(
    { length: seriesCount },
    (_, s) => `series-${String(s).padStart(2, '0')}`,
  );

  const history = await openHistory({
    dataDir: options.dataDir,
    now: () => new Date(start),
    log: () => undefined,
    notices: [],
    // Timers never fire inside this synchronous loop; writes happen on flush().
    flushDelayMs: 3_600_000,
  });
  for (let i = 0; i < steps; i += 1) {
    const values: Record<string, string> = {};
    names.forEach((name, s) => (values[name] = simulatedValue(s, i)));
    history.append(values, new Date(start + i * intervalMs));
    if ((i + 1) % flushEverySteps === 0) await history.flush();
  }
  await history.close();

  const pointsPerSeries: Record<string, number> = {};
  for (const name of history.seriesNames()) pointsPerSeries[name] = history.query(name).length;
  const { size } = await stat(join(options.dataDir, HISTORY_FILE));
  return { appends: steps, seriesCount, pointsPerSeries, fileBytes: size };
}
