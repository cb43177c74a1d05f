import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import { startFakeCgminer, type FakeCgminer } from '#fixtures/fake-cgminer';
import { startFakePriceServer, type FakePriceServer } from '#fixtures/fake-price-server';
import { samplePosition, sampleRig } from '#core/test-fixtures/sample-records';
import { PRICE_SOURCES } from '#feeds/sources/registry';
import { emptyDatabase } from '#store/schema';
import { openFarmService } from './farm-service';
import { checkingResults } from './test-service';
import type { FarmService } from './types';
import { FUNDING_SOURCES } from '#feeds/funding-sources';

// The service with its feeds pointed at local fake servers: prices, chain stats and a
// cgminer rig reach the Snapshot, and a price move raises the alert it should.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function farmWithFeeds(prices: FakePriceServer, rig?: FakeCgminer): Promise<FarmService> {
  const dir = await mkdtemp(join(tmpdir(), 'rigledger-feeds-'));
  const db = emptyDatabase();
  for (const { name } of PRICE_SOURCES) {
    db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
  }
  for (const { name } of FUNDING_SOURCES)
    db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
  if (rig) {
    db.rigs.push({
      id: 'rig-1',
      name: 'Rack 7',
      coin: 'BTC',
      hashrate: '200',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
      quantity: 1,
      poolFeePct: '0',
      status: 'active',
      endpoint: { host: '127.0.0.1', port: rig.port, protocol: 'cgminer' },
    });
  }
  await writeFile(join(dir, 'rigledger.json'), JSON.stringify(db));
  const service = checkingResults(await openFarmService({ dataDir: dir, log: () => {} }));
  cleanups.push(() => service.close());
  return service;
}

describe('live feeds through the service', () => {
  it('shows the median of agreeing sources and the chain figures from mempool', async () => {
    const prices = await startFakePriceServer();
    cleanups.push(() => prices.close());
    prices.setPrice('BTC', '67000');
    const service = await farmWithFeeds(prices);

    const refreshed = (await service.call('feeds.refresh', {})) as {
      prices: Snapshot['prices'];
      errors: unknown[];
    };
    expect(refreshed.errors).toEqual([]);
    expect(refreshed.prices.BTC).toMatchObject({ usd: '67000', stale: false, manual: false });

    const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    expect(snapshot.network.BTC).toMatchObject({
      difficulty: '111758708953857.42',
      blockReward: '3.125',
    });
    expect(snapshot.farm.btcHashpriceUsdPerPhDay).not.toBeNull();
  });

  it('reads a cgminer rig’s live hash rate and temperature, and marks it offline when it stops answering', async () => {
    const prices = await startFakePriceServer();
    cleanups.push(() => prices.close());
    const rig = await startFakeCgminer({
      ghs5s: '198000',
      temperatures: [61, 74, 68],
      quirks: { trailingCommas: true, gluedObjects: true, stringNumbers: true, trailingNul: true },
    });
    cleanups.push(() => rig.close());
    const service = await farmWithFeeds(prices, rig);

    await expect
      .poll(async () => ((await service.call('snapshot.get', {})) as Snapshot).rigs[0]?.live, {
        timeout: 8000,
      })
      .toMatchObject({ online: true, hashrateHs: '198000000000000', temperatureC: '74' });

    await rig.setDown(true);
    await service.call('feeds.refresh', {});
    const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    expect(snapshot.rigs[0]?.live).toMatchObject({
      online: false,
      error: expect.stringMatching(/refused|answer/i),
    });
    expect(snapshot.farm.hashPower[0]).toMatchObject({
      coin: 'BTC',
      nominalHs: '200000000000000',
      rigsOnline: 0,
    });
  });

  it('raises a critical liquidation alert when a fed price moves against a position', async () => {
    const prices = await startFakePriceServer();
    cleanups.push(() => prices.close());
    prices.setPrice('BTC', '70000');
    const service = await farmWithFeeds(prices);
    await service.call('feeds.refresh', {});
    // docs/formulas-positions.md: long 1 BTC at 60,000, isolated, liquidation at $54,221.11.
    const { id: _id, ...long } = samplePosition({ openedAt: '2026-11-20T00:00:00Z' });
    await service.call('positions.create', long);
    expect(await service.call('alerts.list', {})).toEqual([]);

    // A move of more than 30 % would wait for a second poll; this one is 18.6 %.
    prices.setPrice('BTC', '57000');
    await service.call('feeds.refresh', {});
    const [alert] = (await service.call('alerts.list', {})) as Alert[];
    expect(alert).toMatchObject({ rule: 'position.liquidation', severity: 'critical' });
    expect(alert!.message).toMatch(
      /4\.88 % from liquidation at \$54,221\.11 \(mark \$57,000\.00\)/,
    );
  });
});

describe('when every source is down', () => {
  it('keeps the last price, names the failing sources, and marks the price stale after staleAfterSec', async () => {
    const prices = await startFakePriceServer();
    cleanups.push(() => prices.close());
    prices.setPrice('BTC', '67000');
    let t = Date.parse('2026-11-24T12:00:00Z');
    const dir = await mkdtemp(join(tmpdir(), 'rigledger-down-'));
    const db = emptyDatabase();
    for (const { name } of PRICE_SOURCES) {
      db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
    }
    for (const { name } of FUNDING_SOURCES)
      db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
    db.rigs.push(sampleRig({ coin: 'BTC' })); // something depends on the BTC price
    await writeFile(join(dir, 'rigledger.json'), JSON.stringify(db));
    const service = checkingResults(
      await openFarmService({ dataDir: dir, now: () => new Date(t), log: () => {} }),
    );
    cleanups.push(() => service.close());
    await service.call('feeds.refresh', {});

    for (const source of ['coingecko', 'binance', 'kraken', 'mempool'] as const)
      prices.setMode(source, '500');
    t += 240_000;
    const round = (await service.call('feeds.refresh', {})) as { errors: { source: string }[] };
    expect(round.errors.map((e) => e.source).sort()).toEqual(
      expect.arrayContaining(['binance', 'coingecko', 'kraken', 'mempool']),
    );
    const status = (await service.call('feeds.status', {})) as {
      source: string;
      ok: boolean;
      lastError: string | null;
    }[];
    expect(status.filter((s) => !s.ok).map((s) => s.source)).toEqual(
      expect.arrayContaining(['binance', 'coingecko', 'kraken', 'mempool']),
    );
    let snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    expect(snapshot.prices.BTC).toMatchObject({ usd: '67000', stale: false });

    t += 61_000; // 301 s after the last agreed price
    await service.call('feeds.refresh', {});
    snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    expect(snapshot.prices.BTC).toMatchObject({ usd: '67000', stale: true, ageSec: 301 });
    expect(snapshot.alerts.map((a) => a.rule)).toEqual(['price.stale']);
  });
});
