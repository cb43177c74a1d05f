import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from './database';
import { openHistory, type HistoryStore } from './history';
import type { RaisedNotice } from './notices';
import { simulateHistory } from './history-simulation';
import { historySchema } from './schema';
import { makeTempDir, removeDir } from './test-fixtures/store-fixtures';

let dir: string;
let notices: RaisedNotice[];
const opened: HistoryStore[] = [];

async function open(): Promise<HistoryStore> {
  const history = await openHistory({
    dataDir: dir,
    now: () => new Date('2026-11-24T17:05:00Z'),
    log: () => undefined,
    notices,
  });
  opened.push(history);
  return history;
}

const at = (iso: string) => new Date(iso);

beforeEach(async () => {
  dir = await makeTempDir();
  notices = [];
});

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(opened.splice(0).map((h) => h.close()));
  await removeDir(dir);
});

describe('history', () => {
  it('records values per series and answers queries oldest first', async () => {
    const history = await open();
    history.append(
      { 'price.BTC': '97000.5', 'farm.hashrate.BTC': '220000000000000' },
      at('2026-11-24T17:00:00Z'),
    );
    history.append({ 'price.BTC': '97100' }, at('2026-11-24T17:01:00Z'));
    history.append({ 'price.BTC': '96950.25' }, at('2026-11-24T16:59:00Z')); // late arrival

    expect(history.seriesNames()).toEqual(['farm.hashrate.BTC', 'price.BTC']);
    expect(history.query('price.BTC')).toEqual([
      ['2026-11-24T16:59:00.000Z', '96950.25'],
      ['2026-11-24T17:00:00.000Z', '97000.5'],
      ['2026-11-24T17:01:00.000Z', '97100'],
    ]);
    expect(history.query('price.BTC', '2026-11-24T17:00:00Z', at('2026-11-24T17:00:30Z'))).toEqual([
      ['2026-11-24T17:00:00.000Z', '97000.5'],
    ]);
    expect(history.query('price.LTC')).toEqual([]);
  });

  it('keeps one point per minute: the mean of the values polled in it', async () => {
    const history = await open();
    history.append({ 'price.BTC': '1' }, at('2026-11-24T17:00:00Z'));
    history.append({ 'price.BTC': '2' }, at('2026-11-24T17:00:00Z'));
    history.append({ 'price.BTC': '6' }, at('2026-11-24T17:00:59.999Z'));
    expect(history.query('price.BTC')).toEqual([['2026-11-24T17:00:00.000Z', '3']]);
  });

  it('refuses a value that is not a decimal string, storing nothing from that call', async () => {
    const history = await open();
    expect(() => history.append({ a: '1', b: '1e5' }, at('2026-11-24T17:00:00Z'))).toThrow(
      'The history value for b is not a decimal number ("1e5").',
    );
    expect(history.seriesNames()).toEqual([]);
  });

  it('writes durably on flush and reads the same back', async () => {
    const history = await open();
    history.append({ 'loan.ltv.ledn-1': '48.25' }, at('2026-11-24T17:00:00Z'));
    await history.flush();
    await history.close();

    const again = await open();
    expect(again.query('loan.ltv.ledn-1')).toEqual([['2026-11-24T17:00:00.000Z', '48.25']]);
    expect(await readdir(dir)).toEqual(['history.json']);
  });

  it('writes appends after a short delay, once for a burst', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const history = await open();
    history.append({ s: '1' }, at('2026-11-24T17:00:00Z'));
    history.append({ s: '2' }, at('2026-11-24T17:01:00Z'));
    expect(vi.getTimerCount()).toBe(1);
    await expect(readFile(join(dir, 'history.json'), 'utf8')).rejects.toThrow(/ENOENT/);

    vi.advanceTimersByTime(5_000);
    await history.flush(); // nothing left to write: waits for the timer's write

    const onDisk = historySchema.parse(
      JSON.parse(await readFile(join(dir, 'history.json'), 'utf8')),
    );
    expect(onDisk.series.s).toEqual([
      { start: '2026-11-24T17:00:00.000Z', stepSec: 60, values: '1,1' },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('history retention', () => {
  it('keeps 48 hours raw and turns older points into hourly means', async () => {
    const history = await open();
    history.append({ s: '0.1' }, at('2026-11-20T10:00:00Z'));
    history.append({ s: '0.2' }, at('2026-11-20T10:20:00Z'));
    history.append({ s: '0.3' }, at('2026-11-20T10:59:59Z'));
    history.append({ s: '7' }, at('2026-11-20T11:30:00Z'));

    // 48 hours after 11:00 the 10:00 hour leaves the raw window; the 11:00 hour not yet.
    history.append({ s: '9' }, at('2026-11-22T11:59:00Z'));

    expect(history.query('s')).toEqual([
      ['2026-11-20T10:00:00.000Z', '0.2'],
      ['2026-11-20T11:30:00.000Z', '7'],
      ['2026-11-22T11:59:00.000Z', '9'],
    ]);

    history.append({ s: '9.5' }, at('2026-11-22T12:00:00Z'));
    expect(history.query('s', undefined, '2026-11-20T23:00:00Z')).toEqual([
      ['2026-11-20T10:00:00.000Z', '0.2'],
      ['2026-11-20T11:00:00.000Z', '7'],
    ]);
  });

  it('turns hourly buckets older than a year into daily means, exactly', async () => {
    const history = await open();
    for (let h = 0; h < 24; h += 1) {
      history.append({ s: h % 2 === 0 ? '1' : '0.000002' }, new Date(Date.UTC(2025, 0, 10, h, 15)));
    }
    history.append({ s: '5' }, at('2026-01-11T00:00:00Z')); // a year and a day later

    expect(history.query('s')).toEqual([
      ['2025-01-10T00:00:00.000Z', '0.500001'],
      ['2026-01-11T00:00:00.000Z', '5'],
    ]);
  });

  it('uses the append time as now, not the wall clock', async () => {
    const history = await open();
    history.append({ s: '1' }, at('2020-01-01T00:00:00Z'));
    history.append({ s: '3' }, at('2020-01-01T00:30:00Z'));
    await history.flush();
    expect(history.query('s')).toHaveLength(2);
  });

  it('a year of 60-second polling stays bounded: 48 h raw + a year hourly + daily', async () => {
    // Points per series do not depend on how many series there are; 2 keep the test quick.
    // bench/ runs simulateHistory with its default of 20 series and reports the size.
    const days = 400;
    const result = await simulateHistory({ dataDir: dir, seriesCount: 2, days, intervalSec: 60 });

    const rawMax = 48 * 60 + 60; // the raw window starts on an hour boundary
    const hourlyMax = 365 * 24 + 24; // ... and the daily one on a day boundary
    const dailyMax = days - 365 + 1;
    expect(result.appends).toBe(days * 1440);
    expect(Object.keys(result.pointsPerSeries)).toHaveLength(2);
    for (const points of Object.values(result.pointsPerSeries)) {
      expect(points).toBeLessThanOrEqual(rawMax + hourlyMax + dailyMax);
      expect(points).toBeGreaterThan(48 * 60 + 365 * 24);
    }
    expect(result.fileBytes).toBeLessThan(2 * (rawMax + hourlyMax + dailyMax) * 64);
  }, 120_000);
});

describe('an unreadable history.json', () => {
  it('is moved aside with its bytes, charts start empty and the operator is told', async () => {
    const bad =
      '{"schemaVersion":1,"series":{"price.BTC":[["2026-11-24T17:00:00.000Z","97000"],["2026';
    await writeFile(join(dir, 'history.json'), bad);

    const store = await openStore({
      dataDir: dir,
      now: () => new Date('2026-11-24T17:05:00Z'),
      log: () => undefined,
    });
    try {
      expect(store.history.seriesNames()).toEqual([]);
      // The folder had a history but no rigledger.json: that is said too.
      expect(store.notices.map((n) => n.kind)).toEqual(['recovered-empty', 'recovered-empty']);
      expect(store.notices[0]!.message).toMatch(/rigledger\.json was missing/);
      expect(store.notices[1]!.message).toMatch(
        /could not read its chart history.*history\.corrupt-2026-11-24T17-05-00Z\.json/,
      );
      expect(await readFile(join(dir, 'history.corrupt-2026-11-24T17-05-00Z.json'), 'utf8')).toBe(
        bad,
      );

      store.history.append({ 'price.BTC': '97000' }, at('2026-11-24T17:05:00Z'));
    } finally {
      await store.close();
    }
    // close() flushed the new history.
    const reopened = await openStore({ dataDir: dir, log: () => undefined });
    expect(reopened.history.query('price.BTC')).toEqual([['2026-11-24T17:05:00.000Z', '97000']]);
    await reopened.close();
  });

  it('is refused, untouched, when written by a newer RigLedger', async () => {
    const newer = '{"schemaVersion":7,"series":{}}';
    await writeFile(join(dir, 'history.json'), newer);
    await expect(open()).rejects.toThrow(/history\.json was saved by a newer version of RigLedger/);
    expect(await readFile(join(dir, 'history.json'), 'utf8')).toBe(newer);
  });

  it('with a point that is not a number is set aside', async () => {
    await writeFile(
      join(dir, 'history.json'),
      '{"schemaVersion":1,"series":{"s":[["2026-11-24T17:00:00Z","NaN"]]}}',
    );
    const history = await open();
    expect(history.seriesNames()).toEqual([]);
    expect(notices[0]?.message).toContain('holds a value that is not a number ("NaN")');
  });
});
