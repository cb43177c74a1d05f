import { createServer } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FeedStatus } from '#api/methods';
import type { Settings } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import { startFakePriceServer } from '#fixtures/fake-price-server';
import { definePriceSource } from '#feeds/sources/price-source';
import { PRICE_SOURCES } from '#feeds/sources/registry';
import { emptyDatabase } from '#store/schema';
import { openFarmService } from './farm-service';
import { FUNDING_SOURCES } from '#feeds/funding-sources';

// Adding a price source is one file made with definePriceSource and one entry in the
// registry: here a fifth source, defined in this file against its own local server, is
// polled, listed in feeds.status and configurable in settings without touching anything else.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A Coinpaprika-like API on 127.0.0.1: GET /v1/tickers/btc-bitcoin → { quotes: { USD: { price } } }. */
async function startPaprika(usd: number) {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    const ok = req.url === '/v1/tickers/btc-bitcoin';
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { id: 'btc-bitcoin', quotes: { USD: { price: usd } } } : {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${address.port}`, requests: () => requests };
}

async function farmWithFifthSource() {
  const prices = await startFakePriceServer();
  cleanups.push(() => prices.close());
  prices.setPrice('BTC', '67000');
  const paprikaServer = await startPaprika(67010);

  // The new file: everything the fifth source needs to say.
  const paprika = definePriceSource({
    name: 'paprika',
    label: 'Coinpaprika',
    baseUrl: paprikaServer.url,
    symbols: { BTC: 'btc-bitcoin' },
    path: (wanted) => `/v1/tickers/${wanted[0]?.symbol ?? ''}`,
    replySchema: z.object({ quotes: z.object({ USD: z.object({ price: z.number() }) }) }),
    read: (reply) => [{ asset: 'BTC', raw: reply.quotes.USD.price }],
  });
  // The one line in the registry.
  const registry = [...PRICE_SOURCES, paprika];

  // A settings file as the four-source version wrote it: it never heard of the fifth.
  const dir = await mkdtemp(join(tmpdir(), 'rigledger-fifth-source-'));
  const db = emptyDatabase();
  for (const name of ['coingecko', 'binance', 'kraken', 'mempool'])
    db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
  for (const { name } of FUNDING_SOURCES)
    db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
  await writeFile(join(dir, 'rigledger.json'), JSON.stringify(db));
  const service = await openFarmService({ dataDir: dir, log: () => {}, priceSources: registry });
  cleanups.push(() => service.close());
  return { service, paprikaServer, priceServerUrl: prices.url };
}

const refresh = async (service: { call(m: string, p: unknown): Promise<unknown> }) =>
  (await service.call('feeds.refresh', {})) as { prices: Snapshot['prices']; errors: unknown[] };

describe('a fifth price source', () => {
  it('is polled, shown in feeds.status and listed in settings with its defaults', async () => {
    const { service, paprikaServer } = await farmWithFifthSource();

    const round = await refresh(service);
    expect(round.errors).toEqual([]);
    expect(round.prices.BTC).toMatchObject({
      usd: '67000',
      source: 'median of coingecko, binance, kraken, mempool, paprika',
    });
    expect(paprikaServer.requests()).toBeGreaterThan(0);

    const status = (await service.call('feeds.status', {})) as FeedStatus[];
    expect(status.map((row) => row.label)).toEqual([
      'CoinGecko',
      'Binance',
      'Kraken',
      'mempool.space',
      'Coinpaprika',
      'mempool.space chain stats',
      'Binance USDⓈ-M funding rates',
      'Binance COIN-M funding rates',
      'Bybit funding rates',
      'OKX funding rates',
    ]);
    expect(status.find((row) => row.source === 'paprika')).toMatchObject({
      kind: 'price',
      enabled: true,
      ok: true,
    });

    const settings = (await service.call('settings.get', {})) as Settings;
    expect(Object.keys(settings.sources)).toEqual([
      'coingecko',
      'binance',
      'kraken',
      'mempool',
      'paprika',
      'binance-usdm',
      'binance-coinm',
      'bybit',
      'okx',
    ]);
    expect(settings.sources.paprika).toEqual({ enabled: true, baseUrl: paprikaServer.url });
  });

  it('is switched off and moved through settings.update like the four', async () => {
    const { service, paprikaServer, priceServerUrl } = await farmWithFifthSource();

    const off = (await service.call('settings.update', {
      sources: { paprika: { enabled: false }, kraken: { enabled: false } },
    })) as Settings;
    expect(off.sources.paprika).toEqual({ enabled: false, baseUrl: paprikaServer.url });
    expect(off.sources.kraken).toEqual({ enabled: false, baseUrl: priceServerUrl });
    expect((await service.call('settings.get', {})) as Settings).toEqual(off);

    const before = paprikaServer.requests();
    const round = await refresh(service);
    expect(paprikaServer.requests()).toBe(before);
    expect(round.prices.BTC?.source).toBe('median of coingecko, binance, mempool');
    const status = (await service.call('feeds.status', {})) as FeedStatus[];
    expect(status.find((row) => row.source === 'paprika')?.enabled).toBe(false);
  });

  it('an unknown source name is refused with a sentence, and nothing changes', async () => {
    const { service } = await farmWithFifthSource();
    const before = await service.call('settings.get', {});

    await expect(
      service.call('settings.update', { sources: { coinbase: { enabled: true } } }),
    ).rejects.toMatchObject({
      code: 'invalid_params',
      message:
        'There is no source named "coinbase"; the sources are coingecko, binance, kraken, mempool, paprika, binance-usdm, binance-coinm, bybit, okx.',
    });
    await expect(
      service.call('settings.update', { sources: { 'Coin Base': { enabled: true } } }),
    ).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('lowercase letters, digits and dashes'),
    });
    expect(await service.call('settings.get', {})).toEqual(before);
  });
});
