import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { FundingImportResult, FundingPayment } from '#api/funding';
import type { ResultOf } from '#api/methods';
import type { Review } from '#api/review';
import type { Snapshot } from '#api/snapshot';
import { samplePosition, sampleRig } from '#core/test-fixtures/sample-records';
import { FUNDING_SOURCES } from '#feeds/funding-sources';
import { PRICE_SOURCES } from '#feeds/sources/registry';
import { startFakePriceServer } from '#fixtures/fake-price-server';
import { emptyDatabase } from '#store/schema';
import { openFarmService } from './farm-service';
import { checkingResults, openTestService } from './test-service';
import type { FarmService } from './types';

// Funding through the contract: the estimate from a live rate, payments typed in or
// imported from ccxt (counted once however often the file is imported), and the monthly
// P&L that counts them as realised.

const NOW = new Date('2026-11-24T12:00:00Z');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function farmWithPosition(
  overrides: Parameters<typeof samplePosition>[0] = {},
): Promise<{ service: FarmService; positionId: string }> {
  const service = await openTestService({ now: () => NOW });
  await service.call('prices.setManual', { asset: 'BTC', usd: '60000' });
  const { id: _id, ...input } = samplePosition({ openedAt: '2026-11-01T00:00:00Z', ...overrides });
  const position = (await service.call('positions.create', input)) as { id: string };
  return { service, positionId: position.id };
}

/** ccxt fetchFundingHistory() entries for BTC/USDT:USDT. */
const HISTORY = [
  {
    id: '8800101',
    symbol: 'BTC/USDT:USDT',
    code: 'USDT',
    timestamp: Date.parse('2026-10-31T16:00:00Z'),
    datetime: '2026-10-31T16:00:00.000Z',
    amount: -6.12,
  },
  {
    id: '8800102',
    symbol: 'BTC/USDT:USDT',
    code: 'USDT',
    timestamp: Date.parse('2026-11-02T00:00:00Z'),
    amount: '4.5',
  },
  // An exchange that gives no id: known by its time.
  {
    symbol: 'BTC/USDT:USDT',
    code: 'USDT',
    timestamp: Date.parse('2026-11-02T08:00:00Z'),
    amount: 1.25,
  },
  // Another symbol's payment, left for that position.
  {
    id: '8800103',
    symbol: 'ETH/USDT:USDT',
    code: 'USDT',
    timestamp: Date.parse('2026-11-02T08:00:00Z'),
    amount: 9,
  },
];

describe('funding payments', () => {
  it('one typed in is stored in the position’s settlement asset and valued in USD', async () => {
    const { service, positionId } = await farmWithPosition();
    const added = (await service.call('funding.add', {
      positionId,
      at: '2026-11-20T08:00:00Z',
      amount: '-12.5',
    })) as FundingPayment;
    expect(added).toMatchObject({
      asset: 'USDT',
      amount: '-12.5',
      amountUsd: '-12.5',
      origin: 'manual',
    });
    expect(await service.call('funding.list', { positionId })).toEqual([added]);
  });

  it('an inverse position’s funding is in the coin, valued at the coin’s price', async () => {
    const { service, positionId } = await farmWithPosition({
      kind: 'inverse',
      quoteAsset: 'USD',
      size: '10000',
      walletBalance: '0.1',
    });
    const added = (await service.call('funding.add', {
      positionId,
      at: '2026-11-20T08:00:00Z',
      amount: '0.0002',
    })) as FundingPayment;
    expect(added).toMatchObject({ asset: 'BTC', amountUsd: '12' });
  });

  it('refuses a future date or an unknown position with a sentence, and stores nothing', async () => {
    const { service, positionId } = await farmWithPosition();
    await expect(
      service.call('funding.add', { positionId, at: '2026-12-01T00:00:00Z', amount: '1' }),
    ).rejects.toMatchObject({
      code: 'invalid_params',
      message: 'A funding payment cannot be dated in the future.',
    });
    await expect(
      service.call('funding.add', {
        positionId: 'pos-gone',
        at: '2026-11-01T00:00:00Z',
        amount: '1',
      }),
    ).rejects.toMatchObject({ message: 'No position has the id "pos-gone".' });
    await expect(
      service.call('funding.add', { positionId, at: '2026-11-01T00:00:00Z', amount: '0' }),
    ).rejects.toMatchObject({ code: 'invalid_params' });
    expect(await service.call('funding.list', {})).toEqual([]);
  });
});

describe('funding.import (ccxt fetchFundingHistory)', () => {
  it('imports each payment once: a second import of the same file adds nothing', async () => {
    const { service, positionId } = await farmWithPosition();
    const first = (await service.call('funding.import', {
      positionId,
      history: HISTORY,
    })) as FundingImportResult;
    expect(first).toMatchObject({ created: 3, duplicates: 0 });
    expect(first.rows[3]).toEqual({ index: 4, ok: true, skipped: true });
    expect(first.message).toBe(
      '3 funding payments imported (1 for another symbol or of zero skipped).',
    );

    const again = (await service.call('funding.import', {
      positionId,
      history: HISTORY,
    })) as FundingImportResult;
    expect(again).toMatchObject({ created: 0, duplicates: 3 });
    const stored = (await service.call('funding.list', { positionId })) as FundingPayment[];
    expect(stored.map((p) => p.amount)).toEqual(['-6.12', '4.5', '1.25']);
  });

  it('a bad entry is named by its number, and nothing is imported', async () => {
    const { service, positionId } = await farmWithPosition();
    const result = (await service.call('funding.import', {
      positionId,
      history: [
        HISTORY[0],
        { id: 'x', symbol: 'BTC/USDT:USDT', code: 'BTC', timestamp: 1, amount: 1 },
        { id: 'y', symbol: 'BTC/USDT:USDT', amount: 'lots', timestamp: 1 },
        { id: 'z', symbol: 'BTC/USDT:USDT', amount: 2 },
      ],
    })) as FundingImportResult;
    expect(result.created).toBe(0);
    expect(result.rows.filter((r) => !r.ok).map((r) => r.error)).toEqual([
      'Payment 2: it is paid in BTC, but this position settles in USDT.',
      'Payment 3: amount is "lots", not a number.',
      'Payment 4: it has no timestamp or datetime.',
    ]);
    expect(result.message).toBe('3 of 4 payments have problems; nothing was imported.');
    expect(await service.call('funding.list', {})).toEqual([]);
  });
});

describe('an import meeting payments typed by hand', () => {
  it('keeps the typed payment of the same amount within a minute of the settlement, and says so', async () => {
    const { service, positionId } = await farmWithPosition();
    // Typed from the exchange's screen: the first one 40 s late, the second to the second
    // but of another amount (not the same payment), the third 2 minutes off.
    for (const [at, amount] of [
      ['2026-10-31T16:00:40Z', '-6.12'],
      ['2026-11-02T00:00:00Z', '4.4'],
      ['2026-11-02T08:02:00Z', '1.25'],
    ] as const)
      await service.call('funding.add', { positionId, at, amount });

    const dry = (await service.call('funding.import', {
      positionId,
      history: HISTORY,
      dryRun: true,
    })) as FundingImportResult;
    expect(dry).toMatchObject({ created: 0, duplicates: 1, matchedManual: 1 });

    const result = (await service.call('funding.import', {
      positionId,
      history: HISTORY,
    })) as FundingImportResult;
    expect(result).toMatchObject({ created: 2, duplicates: 1, matchedManual: 1 });
    expect(result.rows[0]).toEqual({ index: 1, ok: true, duplicate: true, matchedManual: true });
    expect(result.message).toBe(
      '2 funding payments imported (1 already recorded, 1 of them typed by hand; 1 for another symbol or of zero skipped).',
    );
    const stored = (await service.call('funding.list', { positionId })) as FundingPayment[];
    // Oldest first; two of one instant in no particular order, so sorted here by amount.
    const rows = stored
      .map((p) => [p.at, p.amount, p.origin])
      .sort(([a, x], [b, y]) => a!.localeCompare(b!) || x!.localeCompare(y!));
    expect(rows).toEqual([
      ['2026-10-31T16:00:40.000Z', '-6.12', 'manual'],
      ['2026-11-02T00:00:00.000Z', '4.4', 'manual'],
      ['2026-11-02T00:00:00.000Z', '4.5', 'ccxt'],
      ['2026-11-02T08:00:00.000Z', '1.25', 'ccxt'],
      ['2026-11-02T08:02:00.000Z', '1.25', 'manual'],
    ]);
    // The October payment counts once in the month.
    const review = (await service.call('review.get', { asOf: '2026-11-24', months: 2 })) as Review;
    expect(review.months[0]).toMatchObject({ fundingUsd: '-6.12' });

    // Imported again, nothing more is stored and the typed payment is still recognised.
    const again = (await service.call('funding.import', {
      positionId,
      history: HISTORY,
    })) as FundingImportResult;
    expect(again).toMatchObject({ created: 0, duplicates: 3, matchedManual: 1 });
  });

  it('matches one typed payment with one imported payment only, and none of another position', async () => {
    const { service, positionId } = await farmWithPosition();
    const { id: _id, ...input } = samplePosition({ openedAt: '2026-10-01T00:00:00Z' });
    const other = (await service.call('positions.create', input)) as { id: string };
    await service.call('funding.add', { positionId, at: '2026-11-03T00:00:00Z', amount: '2' });
    await service.call('funding.add', {
      positionId: other.id,
      at: '2026-11-03T08:00:00Z',
      amount: '2',
    });
    // Two settlements a minute apart, both of 2: only one can be the typed payment.
    const history = [0, 60_000].map((offset, i) => ({
      id: `p${i}`,
      symbol: 'BTC/USDT:USDT',
      timestamp: Date.parse('2026-11-03T00:00:00Z') + offset,
      amount: 2,
    }));
    const result = (await service.call('funding.import', {
      positionId,
      history: [
        ...history,
        {
          id: 'q',
          symbol: 'BTC/USDT:USDT',
          timestamp: Date.parse('2026-11-03T08:00:00Z'),
          amount: 2,
        },
      ],
    })) as FundingImportResult;
    expect(result).toMatchObject({ created: 2, duplicates: 1, matchedManual: 1 });
    expect(result.rows.map((r) => r.matchedManual ?? false)).toEqual([true, false, false]);
  });
});

describe('re-importing (property)', () => {
  const entry = fc.record({
    id: fc.option(fc.integer({ min: 1, max: 40 }).map(String), { nil: undefined }),
    hour: fc.integer({ min: 0, max: 200 }),
    cents: fc.integer({ min: -100_000, max: 100_000 }).filter((c) => c !== 0),
  });

  it('any ccxt history imported twice, or in two overlapping parts, is stored once', async () => {
    const { service } = await farmWithPosition();
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 12 }), fc.nat(12), async (entries, cut) => {
        const { id: _id, ...input } = samplePosition({ openedAt: '2026-10-01T00:00:00Z' });
        const { id: positionId } = (await service.call('positions.create', input)) as {
          id: string;
        };
        const history = entries.map((e) => ({
          ...(e.id === undefined ? {} : { id: e.id }),
          symbol: 'BTC/USDT:USDT',
          timestamp: Date.parse('2026-11-01T00:00:00Z') + e.hour * 3_600_000,
          amount: (e.cents / 100).toFixed(2),
        }));
        const list = async () => (await service.call('funding.list', { positionId })) as unknown[];
        await service.call('funding.import', { positionId, history });
        const once = await list();
        await service.call('funding.import', { positionId, history });
        await service.call('funding.import', { positionId, history: history.slice(cut) });
        expect(await list()).toEqual(once);
      }),
      { numRuns: 15 },
    );
  });
});

describe('funding in the realised P&L', () => {
  it('the monthly P&L counts each month’s funding as realised PnL, and the net with it', async () => {
    const { service, positionId } = await farmWithPosition();
    await service.call('funding.import', { positionId, history: HISTORY });
    await service.call('pnl.add', { date: '2026-11-10', amountUsd: '100' });
    const review = (await service.call('review.get', { asOf: '2026-11-24', months: 2 })) as Review;
    const [october, november] = review.months;
    expect(october).toMatchObject({ fundingUsd: '-6.12', realisedPnlUsd: '-6.12' });
    expect(november).toMatchObject({ fundingUsd: '5.75', realisedPnlUsd: '105.75' });
  });
});

describe('funding in a closed position’s realised entry', () => {
  it('positions.close carries the position’s funding once, beside the price PnL, and pnl.list shows it', async () => {
    const { service, positionId } = await farmWithPosition();
    await service.call('funding.import', { positionId, history: HISTORY });
    await service.call('funding.add', { positionId, at: '2026-11-20T08:00:00Z', amount: '-0.63' });
    // An entry typed by hand for the same position (a partial close) carries no funding.
    await service.call('pnl.add', { date: '2026-11-10', amountUsd: '100', positionId });

    const closed = (await service.call('positions.close', {
      id: positionId,
      exitPrice: '61000',
    })) as ResultOf<'positions.close'>;
    // −6.12 + 4.5 + 1.25 − 0.63 = −1.00 of funding; 1 BTC long from 60,000 to 61,000.
    expect(closed.realisedPnl).toMatchObject({ amountUsd: '1000', fundingUsd: '-1' });
    const list = (await service.call('pnl.list', {})) as ResultOf<'pnl.list'>;
    expect(list.map((e) => [e.date, e.amountUsd, e.fundingUsd])).toEqual([
      ['2026-11-10', '100', undefined],
      ['2026-11-24', '1000', '-1'],
    ]);

    // The printable report shows it beside the price PnL.
    const { html } = (await service.call('report.html', { asOf: '2026-11-24' })) as {
      html: string;
    };
    expect(html).toContain('<td class="n">$1,000.00</td><td class="n">-$1.00</td>');
    expect(html).toContain('<td class="n">$100.00</td><td class="n">—</td>');

    // The months count each payment once, when it was paid, and the close's price PnL.
    const review = (await service.call('review.get', { asOf: '2026-11-24', months: 2 })) as Review;
    const [october, november] = review.months;
    expect(october).toMatchObject({ fundingUsd: '-6.12', realisedPnlUsd: '-6.12' });
    expect(november).toMatchObject({ fundingUsd: '5.12', realisedPnlUsd: '1105.12' });

    // A payment removed afterwards leaves the entry's funding equal to what is recorded.
    const payments = (await service.call('funding.list', { positionId })) as FundingPayment[];
    await service.call('funding.remove', { id: payments.at(-1)!.id });
    const after = (await service.call('pnl.list', {})) as ResultOf<'pnl.list'>;
    expect(after.map((e) => e.fundingUsd)).toEqual([undefined, '-0.37']);
  });

  it('a position closed without funding carries 0', async () => {
    const { service, positionId } = await farmWithPosition();
    const closed = (await service.call('positions.close', {
      id: positionId,
      exitPrice: '59000',
    })) as ResultOf<'positions.close'>;
    expect(closed.realisedPnl).toMatchObject({ amountUsd: '-1000', fundingUsd: '0' });
  });
});

describe('the live funding estimate', () => {
  async function liveFarm(): Promise<{ service: FarmService; close(): Promise<void> }> {
    const server = await startFakePriceServer();
    server.setPrice('BTC', '60000');
    server.setFunding({ rate: '0.0001', intervalHours: 8 });
    const dir = await mkdtemp(join(tmpdir(), 'rigledger-funding-'));
    const db = emptyDatabase();
    for (const { name } of [...PRICE_SOURCES, ...FUNDING_SOURCES])
      db.settings.sources[name] = { enabled: true, baseUrl: server.url };
    db.positions.push(
      samplePosition({ id: 'long', exchange: 'Binance', size: '1' }),
      samplePosition({ id: 'short', exchange: 'Bybit', side: 'short', size: '2' }),
      samplePosition({ id: 'elsewhere', exchange: 'Deribit' }),
    );
    db.rigs.push(sampleRig({ coin: 'BTC' }));
    await writeFile(join(dir, 'rigledger.json'), JSON.stringify(db));
    const service = checkingResults(await openFarmService({ dataDir: dir, log: () => {} }));
    cleanups.push(
      () => server.close(),
      () => service.close(),
    );
    return { service, close: () => server.close() };
  }

  it('per position: rate × notional × settlements a day, signed by side, next settlement shown', async () => {
    const { service } = await liveFarm();
    await service.call('feeds.refresh', {});
    const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    const byId = Object.fromEntries(snapshot.positions.map((p) => [p.id, p]));
    // Binance gives no interval: 8 h, 3 a day. 1 × 60,000 × 0.01 % × 3.
    expect(byId.long).toMatchObject({
      fundingRatePct: '0.01',
      fundingPerDayUsd: '-18',
      fundingIntervalHours: '8',
      fundingSource: 'Binance USDⓈ-M',
    });
    expect(byId.long?.nextFundingAt).toMatch(/T(00|08|16):00:00.000Z$/);
    // Bybit states 8 h; the short receives 2 × 60,000 × 0.01 % × 3.
    expect(byId.short).toMatchObject({ fundingPerDayUsd: '36', fundingPerMonthUsd: '1095' });
    expect(byId.elsewhere).toMatchObject({ fundingPerDayUsd: null });
    expect(byId.elsewhere?.fundingNote).toMatch(/"Deribit" is none of them/);

    const plan = (await service.call('hedge.plan', {
      coin: 'BTC',
      days: 30,
      hedgeRatio: '0.5',
      leverage: '3',
      maintenanceMarginRate: '0.005',
    })) as {
      fundingRatePct: string | null;
      fundingCarryUsdPerMonth: string | null;
      shortSize: string;
    };
    expect(plan.fundingRatePct).toBe('0.01');
    expect(plan.fundingCarryUsdPerMonth).not.toBeNull();
  });
});
