import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Snapshot } from '#api/snapshot';
import { openFarmService } from '#service/farm-service';
import { historyValues } from '#service/history';
import { simulateHistory } from '#store/history-simulation';
import type { Figure } from './run';

// The history figures of `npm run bench`: a year of the series the large farm stores,
// written by the real history store, then history.get over a year for a stored series
// and for a loan's LTV and a position's distance (computed from the price series).

export interface HistoryBench {
  snapshot: Snapshot;
  /** The large farm's backup, imported into a second service that reads the year. */
  document: unknown;
  now: Date;
  record: (figure: Figure) => void;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function benchHistory({
  snapshot,
  document,
  now,
  record,
}: HistoryBench): Promise<void> {
  const seriesNames = Object.keys(historyValues(snapshot)).sort();
  const derivedCount = snapshot.loans.length + snapshot.positions.length;
  const historyDir = await mkdtemp(join(tmpdir(), 'rigledger-bench-history-'));
  try {
    const t0 = performance.now();
    const days = 365;
    const year = await simulateHistory({
      dataDir: historyDir,
      names: seriesNames,
      days,
      intervalSec: 10,
      start: new Date(now.getTime() - days * 86_400_000),
      hourlyBeforeRaw: true,
    });
    const simulatedSec = (performance.now() - t0) / 1000;
    record({
      figure: 'history.json after a year',
      value:
        `${(year.fileBytes / 1_048_576).toFixed(2)} MB for the ${seriesNames.length} stored series ` +
        `(${derivedCount} loan LTV and position distance series computed from prices, not stored; ` +
        `polled every 10 s for the last 48 h (one point a minute is kept), the year before fed as the hourly means retention ` +
        `makes of it; ${simulatedSec.toFixed(0)} s to simulate)`,
      goal: '≤ 10 MB',
    });

    const historyService = await openFarmService({
      dataDir: historyDir,
      offline: true,
      log: () => {},
    });
    try {
      await historyService.call('backup.import', document);
      const from = new Date(now.getTime() - days * 86_400_000).toISOString();
      const loan = snapshot.loans.find((l) => l.ltvPct !== null);
      // The longest-open position, so the year holds as many of its points as possible.
      const position = snapshot.positions
        .filter(
          (p) =>
            p.distanceToLiquidationPct !== null && seriesNames.includes(`price.${p.baseAsset}`),
        )
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt))[0];
      const queries = [
        ['price.BTC', 'BTC price'],
        ...(loan ? [[`loan.${loan.id}.ltvPct`, "a loan's LTV (computed)"]] : []),
        ...(position
          ? [
              [
                `position.${position.id}.distanceToLiquidationPct`,
                "a position's distance (computed)",
              ],
            ]
          : []),
      ];
      for (const [series = '', label = ''] of queries) {
        let points = 0;
        const samples: number[] = [];
        for (let run = 0; run < 5; run += 1) {
          const t1 = performance.now();
          const answer = (await historyService.call('history.get', { series, from })) as unknown[];
          samples.push(performance.now() - t1);
          points = answer.length;
        }
        record({
          figure: `history.get, one year of ${label}`,
          value: `median ${ms(median(samples))}, worst ${ms(Math.max(...samples))} (${points} points)`,
          goal: '≤ 50 ms',
        });
      }
    } finally {
      await historyService.close();
    }
  } finally {
    await rm(historyDir, { recursive: true, force: true });
  }
}
