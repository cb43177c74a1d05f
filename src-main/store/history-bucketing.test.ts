import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHistory, type HistoryStore } from './history';
import { simulateHistory } from './history-simulation';
import { makeTempDir, removeDir } from './test-fixtures/store-fixtures';

// Raw points are one per minute whatever the poll rate; then retention (raw 48 h, hourly
// for a year, daily after) applies at exact hour and day boundaries.

let dir: string;
const opened: HistoryStore[] = [];
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.close()));
  await removeDir(dir);
});

async function open(): Promise<HistoryStore> {
  const history = await openHistory({
    dataDir: dir,
    now: () => new Date('2026-11-22T12:00:00Z'),
    log: () => undefined,
    notices: [],
  });
  opened.push(history);
  return history;
}

describe('one raw point per minute', () => {
  it('a poll every second keeps one point a minute: the mean of its 60 polls', async () => {
    const history = await open();
    const start = Date.parse('2026-11-22T12:00:00Z');
    for (let s = 0; s < 180; s += 1) {
      history.append(
        { 'price.BTC': String(90_000 + s), 'price.LTC': '88.1' },
        new Date(start + s * 1000),
      );
    }
    expect(history.query('price.BTC')).toEqual([
      ['2026-11-22T12:00:00.000Z', '90029.5'], // (90,000 + … + 90,059) / 60
      ['2026-11-22T12:01:00.000Z', '90089.5'],
      ['2026-11-22T12:02:00.000Z', '90149.5'],
    ]);
    expect(history.query('price.LTC')).toHaveLength(3);
  });

  it('six hours polled every second store one point a minute', async () => {
    const second = await simulateHistory({
      dataDir: dir,
      seriesCount: 1,
      days: 0.25,
      intervalSec: 1,
    });
    expect(second.appends).toBe(21_600);
    expect(second.pointsPerSeries['series-00']).toBe(360);
  });
});

describe('retention boundaries', () => {
  it('the hour that ends 48 hours before now becomes one hourly mean; the next stays raw', async () => {
    const history = await open();
    history.append({ s: '2' }, new Date('2026-11-20T11:30:00Z'));
    history.append({ s: '4' }, new Date('2026-11-20T11:59:59Z'));
    history.append({ s: '7' }, new Date('2026-11-20T12:00:00Z'));
    history.append({ s: '8' }, new Date('2026-11-20T12:01:00Z'));
    // One millisecond short of 48 h after 12:00: the 11:00 hour is still raw.
    history.append({ s: '9' }, new Date('2026-11-22T11:59:59.999Z'));
    expect(history.query('s', undefined, '2026-11-20T12:00:00Z')).toHaveLength(3);

    history.append({ s: '9' }, new Date('2026-11-22T12:00:00Z'));
    expect(history.query('s', undefined, '2026-11-20T13:00:00Z')).toEqual([
      ['2026-11-20T11:00:00.000Z', '3'],
      ['2026-11-20T12:00:00.000Z', '7'],
      ['2026-11-20T12:01:00.000Z', '8'],
    ]);
  });

  it('the day that ends a year before now becomes one daily mean; the next stays hourly', async () => {
    const history = await open();
    history.append({ s: '1' }, new Date('2025-11-21T00:00:00Z'));
    history.append({ s: '3' }, new Date('2025-11-21T23:00:00Z'));
    history.append({ s: '5' }, new Date('2025-11-22T00:00:00Z'));
    history.append({ s: '6' }, new Date('2025-11-22T01:00:00Z'));
    // 365 days after 2025-11-22T00:00 is 2026-11-22T00:00.
    history.append({ s: '0' }, new Date('2026-11-21T23:59:00Z'));
    expect(history.query('s', undefined, '2025-11-23T00:00:00Z')).toHaveLength(4);

    history.append({ s: '0' }, new Date('2026-11-22T00:00:00Z'));
    expect(history.query('s', undefined, '2025-11-23T00:00:00Z')).toEqual([
      ['2025-11-21T00:00:00.000Z', '2'],
      ['2025-11-22T00:00:00.000Z', '5'],
      ['2025-11-22T01:00:00.000Z', '6'],
    ]);
  });
});
