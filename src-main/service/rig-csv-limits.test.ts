import { describe, expect, it } from 'vitest';
import { RIG_CSV_COLUMNS } from './csv-export';
import { MAX_CSV_RIGS } from './rig-csv-import';
import { openTestService } from './test-service';
import type { FarmService } from './types';

// A long rigs CSV never stalls RigLedger: a file over the row limit is refused at once by
// counting its rows before parsing, and a file within it is parsed and checked in small
// batches, so a rigs.list asked meanwhile answers within 100 ms.

function csvOf(rows: number): string {
  const header = RIG_CSV_COLUMNS.join(',');
  const line = (i: number) => `,S21 row ${i},,BTC,200,TH/s,3500,1,0,,active,,,,,,"north, wall"`;
  return [header, ...Array.from({ length: rows }, (_, i) => line(i))].join('\r\n');
}

interface Stall {
  /** Slowest rigs.list answer while the work ran (ms). */
  slowestList: number;
}

/** Runs `work` while asking rigs.list over and over. */
async function stallDuring(service: FarmService, work: () => Promise<unknown>): Promise<Stall> {
  let done = false;
  const finished = work().finally(() => {
    done = true;
  });
  let slowestList = 0;
  while (!done) {
    const started = performance.now();
    await service.call('rigs.list', {});
    slowestList = Math.max(slowestList, performance.now() - started);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await finished;
  return { slowestList };
}

/**
 * The slowest rigs.list while nothing else runs, over as long, before and after: on a
 * shared, busy machine the wait for a CPU alone can take tens of milliseconds, and that
 * is not the import's.
 */
async function idleStall(service: FarmService): Promise<number> {
  const idle = () => stallDuring(service, () => new Promise((resolve) => setTimeout(resolve, 300)));
  return Math.max((await idle()).slowestList, (await idle()).slowestList);
}

/**
 * The least stall of three runs of `work`: a stall the work causes shows in every run,
 * a busy machine's pause in one of them.
 */
async function leastStall(service: FarmService, work: () => Promise<unknown>): Promise<number> {
  const stalls: number[] = [];
  for (let run = 0; run < 3; run += 1) stalls.push((await stallDuring(service, work)).slowestList);
  return Math.min(...stalls);
}

describe('a rigs CSV far over the row limit', () => {
  it('is refused by its row count before it is parsed, without stalling other calls', async () => {
    const service = await openTestService();
    const csv = csvOf(16_000);
    expect(csv.length).toBeGreaterThan(250_000);

    let refusal: unknown = null;
    const refuse = () =>
      service.call('import.rigsCsv', { csv }).catch((error: unknown) => {
        refusal = error;
      });
    const started = performance.now();
    await refuse();
    const refusedIn = performance.now() - started;
    expect(refusal).toMatchObject({
      code: 'too_large',
      message: `The CSV holds 16000 rows; import at most ${MAX_CSV_RIGS} at a time (split the file).`,
    });
    // Refused before parsing: far quicker than checking a file at the limit, row by row.
    const atLimit = csvOf(MAX_CSV_RIGS);
    const checkStarted = performance.now();
    await service.call('import.rigsCsv', { csv: atLimit, dryRun: true });
    expect(refusedIn).toBeLessThan((performance.now() - checkStarted) / 4);

    expect(await leastStall(service, refuse)).toBeLessThan(100 + (await idleStall(service)));
    expect(await service.call('rigs.list', {})).toEqual([]);
  });
});

describe('a rigs CSV at the row limit', () => {
  it('is parsed and checked while other calls keep answering within 100 ms', async () => {
    const service = await openTestService();
    const csv = csvOf(MAX_CSV_RIGS);
    let checked: unknown = null;
    const stall = await leastStall(service, async () => {
      checked = await service.call('import.rigsCsv', { csv, dryRun: true });
    });
    expect(checked).toMatchObject({
      created: 0,
      message: `All ${MAX_CSV_RIGS} rows are ready to import; nothing was stored (dry run).`,
    });
    expect(stall).toBeLessThan(100 + (await idleStall(service)));
  }, 60_000);
});
