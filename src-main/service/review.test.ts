import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Review } from '#api/review';
import type { Snapshot } from '#api/snapshot';
import { openFarmService } from './farm-service';
import { checkingResults } from './test-service';
import type { FarmService } from './types';

// The offline review through the contract: figures as of past dates (interest, prices
// from history), the monthly P&L and the printable report.

const open: FarmService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const NOW = '2026-11-24T12:00:00Z';

function hourly(fromIso: string, hours: number, value: string): [string, string][] {
  const start = Date.parse(fromIso);
  return Array.from({ length: hours }, (_, h) => [
    new Date(start + h * 3_600_000).toISOString(),
    value,
  ]);
}

async function start(series: Record<string, [string, string][]> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'rigledger-review-'));
  await writeFile(join(dir, 'history.json'), JSON.stringify({ schemaVersion: 1, series }));
  const service = checkingResults(
    await openFarmService({
      dataDir: dir,
      offline: true,
      now: () => new Date(NOW),
      log: () => {},
    }),
  );
  open.push(service);
  return service;
}

// 73,000 at 10 % ACT/365 is $20.00 of interest a day; after the first payment 36,500 is
// $10.00/day; after the second 18,250 is $5.00/day.
const LOAN = {
  lender: 'Ledn & Co "North"',
  principal: '73000',
  aprPct: '10',
  startDate: '2026-07-15',
  termMonths: 12,
  repayment: 'interest-only',
  collateralAsset: 'BTC',
  collateralAmount: '2',
  marginCallLtvPct: '70',
  liquidationLtvPct: '80',
  payments: [
    // 31 days × $20 = $620 of interest, then $36,500 of principal.
    { date: '2026-08-15', amount: '37120' },
    // 36 days × $10 = $360 of interest, then $18,250 of principal.
    { date: '2026-09-20', amount: '18610' },
  ],
};

const SCRIPT_RIG = {
  name: '<script>alert(1)</script>',
  coin: 'BTC',
  hashrate: '200',
  hashrateUnit: 'TH/s',
  powerWatts: '3500',
  quantity: 10,
  purchasedAt: '2026-01-15',
};

async function snapshotAt(service: FarmService, asOf: string): Promise<Snapshot> {
  return (await service.call('snapshot.get', { asOf })) as Snapshot;
}

describe('as-of figures of a loan', () => {
  it('match the hand-computed interest before, between and after the payments', async () => {
    const service = await start();
    await service.call('prices.setManual', { asset: 'BTC', usd: '95000' });
    await service.call('loans.create', LOAN);

    const cases = [
      // Before any payment: 26 days × $20.
      [
        '2026-08-10T23:59:59Z',
        { principalBalance: '73000', accruedInterest: '520', outstanding: '73520' },
      ],
      // Between: Aug 15 → Aug 31 is 16 days × $10.
      [
        '2026-08-31T23:59:59Z',
        { principalBalance: '36500', accruedInterest: '160', outstanding: '36660' },
      ],
      // After both: Sep 20 → Sep 30 is 10 days × $5; to Oct 31, 41 days × $5.
      [
        '2026-09-30T23:59:59Z',
        { principalBalance: '18250', accruedInterest: '50', outstanding: '18300' },
      ],
      [
        '2026-10-31T23:59:59Z',
        { principalBalance: '18250', accruedInterest: '205', outstanding: '18455' },
      ],
    ] as const;
    for (const [asOf, expected] of cases) {
      const [loan] = (await snapshotAt(service, asOf)).loans;
      expect({ asOf, ...loan }).toMatchObject({ asOf, ...expected });
    }
  });

  it('gives the monthly interest of a past month-end review to the cent', async () => {
    const service = await start();
    await service.call('loans.create', LOAN);

    const review = (await service.call('review.get', { asOf: '2026-10-31', months: 4 })) as Review;

    expect(review.months.map((m) => [m.month, m.loanInterestUsd])).toEqual([
      ['2026-07', '320'],
      ['2026-08', '460'],
      ['2026-09', '250'],
      ['2026-10', '155'],
    ]);
    expect(review.snapshot.asOf).toBe('2026-10-31T23:59:59.999Z');
    expect(review.snapshot.loans[0]?.outstanding).toBe('18455');
    const between = (await service.call('review.get', { asOf: '2026-08-31', months: 2 })) as Review;
    expect(between.months.map((m) => m.loanInterestUsd)).toEqual(['320', '460']);
    expect(between.snapshot.loans[0]?.outstanding).toBe('36660');
  });

  it('refuses a review date in the future', async () => {
    const service = await start();
    await expect(service.call('review.get', { asOf: '2026-12-01' })).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringMatching(/only look back: pick 2026-11-24/),
    });
  });
});

describe('prices as of a past date', () => {
  it('come from the history when there is some, else from the current price, and say which', async () => {
    const service = await start({
      'price.BTC': [
        ['2026-10-31T20:00:00.000Z', '70000'],
        ['2026-11-02T00:00:00.000Z', '72000'],
      ],
    });
    await service.call('prices.setManual', { asset: 'BTC', usd: '95000' });
    await service.call('loans.create', LOAN);

    const past = await snapshotAt(service, '2026-10-31T23:59:59Z');
    expect(past.prices.BTC).toMatchObject({
      usd: '70000',
      fromHistory: true,
      manual: false,
      at: '2026-10-31T20:00:00.000Z',
    });
    expect(past.prices.BTC?.source).toMatch(/^history/);
    // 18,455 / (2 × 70,000) = 13.18 %
    expect(past.loans[0]?.ltvPct?.slice(0, 7)).toBe('13.1821');

    const beforeHistory = await snapshotAt(service, '2026-06-01T00:00:00Z');
    expect(beforeHistory.prices.BTC).toMatchObject({ usd: '95000', fromHistory: false });
    expect(beforeHistory.prices.BTC?.source).toContain('current price');
    expect(beforeHistory.prices.BTC?.source).toContain('no history at that date');

    const live = await snapshotAt(service, NOW);
    expect(live.prices.BTC).toMatchObject({ usd: '95000', manual: true, source: 'manual' });
  });
});

describe('monthly P&L', () => {
  it('integrates the revenue history, counts power, interest and realised PnL, and flags partial months', async () => {
    const service = await start({
      'farm.revenueUsdPerDay': hourly('2026-10-01T00:00:00Z', 10 * 24, '240'),
    });
    await service.call('rigs.create', SCRIPT_RIG);
    await service.call('pnl.add', {
      date: '2026-10-20',
      amountUsd: '-1250.50',
      note: 'closed BTC short',
    });

    const review = (await service.call('review.get', { asOf: '2026-10-31', months: 2 })) as Review;

    const [september, october] = review.months;
    expect(september).toMatchObject({
      miningRevenueUsd: null,
      revenueHistory: 'none',
      netUsd: null,
      powerCostUsd: '2016',
    });
    // 10 days × $240; power 3,500 W × 24 h × $0.08/kWh × 10 = $67.20/day over the same
    // 10 days the revenue covers (no profit recorded: the rigs as they are).
    expect(october).toMatchObject({
      miningRevenueUsd: '2400',
      revenueCoverageDays: '10',
      revenueHistory: 'partial',
      powerCostUsd: '672',
      loanInterestUsd: '0',
      realisedPnlUsd: '-1250.5',
      netUsd: '477.5',
    });
  });

  it('leaves every closed month unchanged when a rig without a purchase date is added today', async () => {
    const service = await start({
      'farm.revenueUsdPerDay': hourly('2026-10-01T00:00:00Z', 40 * 24, '900'),
      'farm.profitUsdPerDay': hourly('2026-10-01T00:00:00Z', 40 * 24, '832.8'),
    });
    await service.call('rigs.create', SCRIPT_RIG);
    const before = (await service.call('review.get', { asOf: '2026-11-24', months: 3 })) as Review;

    const added = (await service.call('rigs.create', {
      ...SCRIPT_RIG,
      purchasedAt: undefined,
      name: 'New rack',
      quantity: 200,
    })) as { enteredAt?: string };
    const after = (await service.call('review.get', { asOf: '2026-11-24', months: 3 })) as Review;

    expect(added.enteredAt).toBe('2026-11-24');
    expect(after.months.slice(0, 2)).toEqual(before.months.slice(0, 2));
    // October on record: 31 days × (900 − 832.80) of power.
    expect(after.months[1]).toMatchObject({ month: '2026-10', powerCostUsd: '2083.2' });
  });
});

describe('the printable report', () => {
  it('has landmarks: a header with the title, a list of sections, and a main region', async () => {
    const service = await start();
    await service.call('rigs.create', SCRIPT_RIG);
    const { html } = (await service.call('report.html', { asOf: '2026-10-31' })) as {
      html: string;
    };
    expect(html).toMatch(/<header>\n<h1>RigLedger finance review as of 2026-10-31<\/h1>/);
    expect(html).toContain('<nav aria-label="Sections">');
    expect(html).toContain('<li><a href="#rigs">Rigs</a></li>');
    expect(html).toContain('<main>');
    expect(html).toContain('<section aria-labelledby="rigs">\n<h2 id="rigs">Rigs</h2>');
    expect(html.match(/<section /g)).toHaveLength(8);
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });

  it('holds the figures with their units, escapes every string and loads nothing', async () => {
    const service = await start({
      'farm.revenueUsdPerDay': hourly('2026-10-01T00:00:00Z', 24, '240'),
    });
    await service.call('prices.setManual', { asset: 'BTC', usd: '95000' });
    await service.call('rigs.create', SCRIPT_RIG);
    await service.call('loans.create', LOAN);

    const { fileName, html } = (await service.call('report.html', { asOf: '2026-10-31' })) as {
      fileName: string;
      html: string;
    };

    expect(fileName).toBe('rigledger-review-2026-10-31.html');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script/i);
    // Links only within the document (its table of contents); nothing is fetched.
    expect(html).not.toMatch(/\b(?:src|href)=(?!"#)/i);
    expect(html).not.toContain('<link');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Ledn &amp; Co &quot;North&quot;');
    expect(html).toContain('$18,455.00');
    expect(html).toContain('$18,250.00');
    expect(html).toContain('$205.00');
    expect(html).toContain('$320.00');
    expect(html).toContain('$155.00');
    expect(html).toContain('$240.00');
    expect(html).toContain('10.00 % APR');
    expect(html).toContain('2 BTC = ');
    expect(html).toContain('per day');
    expect(html).toContain('2026-08-15');
  });

  it('escapes markup in rig names and position accounts', async () => {
    const service = await start();
    await service.call('rigs.create', { ...SCRIPT_RIG, name: 'Rack <b>"7"</b>' });
    await service.call('positions.create', {
      account: '<img src=x onerror=alert(1)>',
      exchange: 'Binance',
      symbol: 'BTCUSDT',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      kind: 'linear',
      side: 'long',
      size: '1',
      entryPrice: '60000',
      leverage: '10',
      marginMode: 'isolated',
      walletBalance: '6000',
      maintenanceMarginRate: '0.005',
      openedAt: '2026-11-01T00:00:00Z',
    });

    const { html } = (await service.call('report.html', { asOf: '2026-11-24' })) as {
      html: string;
    };

    expect(html).toContain('Rack &lt;b&gt;&quot;7&quot;&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('1.00000000 BTC');
    expect(html).toContain('$60,000.00');
  });
});
