import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreNotice } from '#api/snapshot';
import { openHistory } from './history';
import { historySchema } from './schema';
import { makeTempDir, removeDir } from './test-fixtures/store-fixtures';

// test-fixtures/history-v1.json was written by the previous release's history store:
// three days of a BTC price (hourly means, then polls every 20 s), a hash-power series,
// a profit series, and the loan LTV and position distance series it used to store.

let dir: string;
let notices: StoreNotice[];
beforeEach(async () => {
  dir = await makeTempDir();
  notices = [];
  await copyFile(
    join(import.meta.dirname, 'test-fixtures', 'history-v1.json'),
    join(dir, 'history.json'),
  );
});
afterEach(() => removeDir(dir));

const open = () =>
  openHistory({
    dataDir: dir,
    now: () => new Date('2026-11-23T09:05:00Z'),
    log: () => undefined,
    notices,
  });

describe('a history.json from the previous release', () => {
  it('loads: same prices, raw polls as minute means, LTV and distance series dropped', async () => {
    const old = JSON.parse(await readFile(join(dir, 'history.json'), 'utf8')) as {
      series: Record<string, [string, string][]>;
    };
    const history = await open();
    expect(notices).toEqual([]);
    expect(history.seriesNames()).toEqual([
      'farm.profitUsdPerDay',
      'hashpower.BTC.nominal',
      'price.BTC',
    ]);

    // Hourly means and 10-minute points come back as they were (trailing zeros trimmed).
    const before = old.series['price.BTC']!.filter(([at]) => at < '2026-11-23T09:00');
    const after = history.query('price.BTC', undefined, '2026-11-23T08:59:59Z');
    expect(after).toEqual(
      before.map(([at, v]) => [at, v.includes('.') ? v.replace(/\.?0+$/, '') : v]),
    );
    expect(after).toContainEqual(['2026-11-20T14:00:00.000Z', '91083.333333333333']);

    // Polls 20 s apart become one point a minute: 91000.5, 91020.5, 91040.5 → 91020.5.
    expect(history.query('price.BTC', '2026-11-23T09:00:00Z')).toEqual([
      ['2026-11-23T09:00:00.000Z', '91020.5'],
      ['2026-11-23T09:01:00.000Z', '91047.166666666667'],
      ['2026-11-23T09:02:00.000Z', '91040.5'],
    ]);
    expect(history.query('farm.profitUsdPerDay')).toEqual([
      ['2026-11-23T09:00:00.000Z', '-12.4'],
      ['2026-11-23T09:01:00.000Z', '-12.4'],
      ['2026-11-23T09:02:00.000Z', '-12.4'],
    ]);
    expect(history.query('loan.l-1.ltvPct')).toEqual([]);
    await history.close();
  });

  it('is rewritten in the current format on the next write, a fraction of the size', async () => {
    const oldBytes = (await stat(join(dir, 'history.json'))).size;
    const history = await open();
    const answers = history.seriesNames().map((name) => history.query(name));
    history.append({ 'price.BTC': '91100' }, new Date('2026-11-23T09:05:00Z'));
    await history.close();

    const onDisk = historySchema.parse(
      JSON.parse(await readFile(join(dir, 'history.json'), 'utf8')),
    );
    expect(onDisk.schemaVersion).toBe(2);
    const newBytes = (await stat(join(dir, 'history.json'))).size;
    expect(newBytes).toBeLessThan(oldBytes / 5);

    const again = await open();
    const reread = again.seriesNames().map((name) => again.query(name));
    expect(reread).toEqual(
      answers.map((points, i) =>
        i === 2 ? [...points, ['2026-11-23T09:05:00.000Z', '91100']] : points,
      ),
    );
    await again.close();
  });
});
