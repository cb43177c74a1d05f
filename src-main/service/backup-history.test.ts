import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultOf } from '#api/methods';
import { openTestService } from './test-service';

// Export everything carries the history the charts and the monthly review read, so a farm
// moved into an empty data folder still shows its past months; the preview says what
// history a file brings.

const NOW = '2026-12-02T12:00:00Z';

function hourly(fromIso: string, hours: number, value: string): [string, string][] {
  const start = Date.parse(fromIso);
  return Array.from({ length: hours }, (_, h) => [
    new Date(start + h * 3_600_000).toISOString(),
    value,
  ]);
}

async function farmWithHistory() {
  const dataDir = await mkdtemp(join(tmpdir(), 'rigledger-backup-history-'));
  const series = {
    'farm.revenueUsdPerDay': hourly('2026-11-20T00:00:00Z', 10 * 24, '480'),
    'farm.profitUsdPerDay': hourly('2026-11-20T00:00:00Z', 10 * 24, '300'),
  };
  await writeFile(join(dataDir, 'history.json'), JSON.stringify({ schemaVersion: 1, series }));
  return openTestService({ dataDir, now: () => new Date(NOW) });
}

const november = (review: ResultOf<'review.get'>) =>
  review.months.find((m) => m.month === '2026-11');

describe('a backup carries the history', () => {
  it('imports into an empty farm with the past months the source showed', async () => {
    const source = await farmWithHistory();
    await source.call('rigs.create', {
      name: 'S21 row A',
      coin: 'BTC',
      hashrate: '200',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
      quantity: 10,
      purchasedAt: '2026-01-10',
    });
    const backup = (await source.call('backup.export', {})) as ResultOf<'backup.export'>;
    const sourceReview = (await source.call('review.get', {
      asOf: '2026-12-02',
      months: 2,
    })) as ResultOf<'review.get'>;
    expect(november(sourceReview)).toMatchObject({
      miningRevenueUsd: '4800',
      powerCostUsd: '1800',
      revenueHistory: 'partial',
    });

    const target = await openTestService({ now: () => new Date(NOW) });
    const preview = (await target.call('backup.preview', backup)) as ResultOf<'backup.preview'>;
    expect(preview.history).toMatchObject({
      included: true,
      seriesCount: 2,
      pointCount: 480,
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-29T23:00:00.000Z',
    });
    expect(preview.history.sentence).toBe(
      'This file brings 480 history points in 2 series from 2026-11-20 to 2026-11-29 including the farm’s revenue, which the monthly review reads; it replaces this farm’s history.',
    );
    await target.call('backup.import', backup);

    const targetReview = (await target.call('review.get', {
      asOf: '2026-12-02',
      months: 2,
    })) as ResultOf<'review.get'>;
    expect(november(targetReview)).toEqual(november(sourceReview));
    expect(await target.call('history.get', { series: 'farm.revenueUsdPerDay' })).toHaveLength(240);
  });

  it('an older backup without history leaves the farm’s history as it is, and the preview says so', async () => {
    const farm = await farmWithHistory();
    const { history: _dropped, ...older } = (await farm.call(
      'backup.export',
      {},
    )) as ResultOf<'backup.export'>;
    const preview = (await farm.call('backup.preview', older)) as ResultOf<'backup.preview'>;
    expect(preview.history).toMatchObject({ included: false, pointCount: 0 });
    expect(preview.history.sentence).toMatch(/holds no history .* keep this farm’s own history/);
    await farm.call('backup.import', older);
    expect(await farm.call('history.get', { series: 'farm.revenueUsdPerDay' })).toHaveLength(240);
  });

  it('refuses a backup whose history is unreadable, and changes nothing', async () => {
    const farm = await farmWithHistory();
    const backup = (await farm.call('backup.export', {})) as ResultOf<'backup.export'>;
    const broken = { ...backup, history: { schemaVersion: 2, series: { x: [{ start: 'soon' }] } } };
    await expect(farm.call('backup.import', broken)).rejects.toMatchObject({
      code: 'invalid_params',
    });
    expect(await farm.call('history.get', { series: 'farm.revenueUsdPerDay' })).toHaveLength(240);
  });
});
