import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '#api/records';
import { sampleLoan, samplePosition } from '#core/test-fixtures/sample-records';
import {
  FAKE_SOURCES,
  startFakePriceServer,
  type FakeMode,
  type FakePriceServer,
  type FakeSource,
} from '#fixtures/fake-price-server';
import { emptyDatabase } from '#store/schema';
import { openFarmService } from './farm-service';
import type { FarmService } from './types';
import { FUNDING_SOURCES } from '#feeds/funding-sources';

// The feed-fault matrix: every way the price sources fail, against a farm with a long
// and a short position and a BTC-backed loan that are all safe at the true price. No
// fault may raise a liquidation or margin-call alert: those need a price that is real.

const TRUE_PRICE = '70000';
const MONEY_RULES: ReadonlySet<Alert['rule']> = new Set([
  'position.liquidation',
  'position.stop-past-liquidation',
  'loan.ltv',
]);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Farm {
  prices: FakePriceServer;
  service: FarmService;
}

/** Long 1 BTC from 60,000 (liquidation $54,221.11), short 1 BTC from 70,000 on $21,000
 * of margin, and a loan of $500,000 (plus interest since 2024) on 20 BTC. */
async function safeFarm(): Promise<Farm> {
  const prices = await startFakePriceServer();
  cleanups.push(() => prices.close());
  prices.setPrice('BTC', TRUE_PRICE);
  const dir = await mkdtemp(join(tmpdir(), 'rigledger-feed-faults-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const db = emptyDatabase();
  for (const source of FAKE_SOURCES)
    db.settings.sources[source] = { enabled: true, baseUrl: prices.url };
  for (const { name } of FUNDING_SOURCES)
    db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
  db.positions.push(
    samplePosition({ id: 'long', openedAt: '2026-11-20T00:00:00Z' }),
    samplePosition({
      id: 'short',
      side: 'short',
      entryPrice: '70000',
      walletBalance: '21000',
      openedAt: '2026-11-20T00:00:00Z',
    }),
  );
  db.loans.push(sampleLoan({ id: 'loan', collateralAmount: '20' }));
  await writeFile(join(dir, 'rigledger.json'), JSON.stringify(db));
  const service = await openFarmService({ dataDir: dir, log: () => undefined });
  cleanups.push(() => service.close());
  await service.call('feeds.refresh', {});
  expect(await moneyAlerts(service)).toEqual([]);
  return { prices, service };
}

async function moneyAlerts(service: FarmService): Promise<string[]> {
  const alerts = (await service.call('alerts.list', {})) as Alert[];
  return alerts.filter((alert) => MONEY_RULES.has(alert.rule)).map((alert) => alert.message);
}

function setModes(prices: FakePriceServer, modes: Partial<Record<FakeSource, FakeMode>>): void {
  for (const [source, mode] of Object.entries(modes)) {
    if (FAKE_SOURCES.some((known) => known === source)) prices.setMode(source as FakeSource, mode);
  }
}

const everySource = (mode: FakeMode): Record<FakeSource, FakeMode> => ({
  coingecko: mode,
  binance: mode,
  kraken: mode,
  mempool: mode,
});

describe('feed faults raise no liquidation or margin-call alert', { timeout: 30_000 }, () => {
  it.each<[string, Partial<Record<FakeSource, FakeMode>>]>([
    ['every source times out', everySource('hang')],
    ['every source answers an HTML 429 page with Retry-After', everySource('html-429')],
    ['every source answers 451', everySource('451')],
    ['every source answers 500', everySource('500')],
    ['every source answers broken JSON', everySource('broken-json')],
    ['every source answers an API error in a 200', everySource('api-error')],
    ['every source quotes a zero price', everySource('zero-price')],
    ['one source quotes ten times the price', { binance: 'wild' }],
    ['one source quotes zero', { kraken: 'zero-price' }],
    [
      'each source fails its own way',
      { coingecko: 'html-429', binance: '451', kraken: 'broken-json', mempool: '500' },
    ],
  ])('%s', async (_name, modes) => {
    const { prices, service } = await safeFarm();
    setModes(prices, modes);
    await service.call('feeds.refresh', {});
    await service.call('feeds.refresh', {});
    expect(await moneyAlerts(service)).toEqual([]);
  });

  it('a 35 % drop that one poll shows and the next does not repeat', async () => {
    const { prices, service } = await safeFarm();
    prices.setPrice('BTC', '45500');
    await service.call('feeds.refresh', {});
    expect(await moneyAlerts(service)).toEqual([]);
    prices.setPrice('BTC', TRUE_PRICE);
    await service.call('feeds.refresh', {});
    expect(await moneyAlerts(service)).toEqual([]);
  });

  it('a real 35 % drop, confirmed by the next poll, does raise them (the matrix can fail)', async () => {
    const { prices, service } = await safeFarm();
    prices.setPrice('BTC', '45500');
    await service.call('feeds.refresh', {});
    await service.call('feeds.refresh', {});
    const alerts = await moneyAlerts(service);
    expect(alerts.some((message) => /liquidation/i.test(message))).toBe(true);
    expect(alerts.length).toBeGreaterThanOrEqual(2);
  });
});
