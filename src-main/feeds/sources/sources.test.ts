import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeMode,
  type FakeSource,
  FAKE_RETRY_AFTER_SEC,
  startFakePriceServer,
  type FakePriceServer,
} from '#fixtures/fake-price-server';
import { decStr } from '#shared/decimal';
import { type FeedContext, type FeedFailureKind, isFailure, parseRetryAfter } from '../http-client';
import { readPrice } from '../reply-values';
import { binance } from './binance';
import { coingecko } from './coingecko';
import { kraken } from './kraken';
import { mempool } from './mempool';
import type { QuoteReply } from './price-source';

const PRICE_SOURCE_ADAPTERS = { coingecko, binance, kraken, mempool };

const AT = new Date('2025-06-01T12:00:00Z');
let server: FakePriceServer;

const ctx = (timeoutMs = 5000): FeedContext => ({
  fetch: globalThis.fetch,
  now: () => AT,
  timeoutMs,
});
const settingsFor = (baseUrl: string, apiKey?: string) => ({
  enabled: true,
  baseUrl,
  ...(apiKey ? { apiKey } : {}),
});

function quotesOf(reply: QuoteReply): Record<string, string> {
  if (isFailure(reply)) throw new Error(`expected quotes, got ${reply.kind}: ${reply.message}`);
  return Object.fromEntries(reply.quotes.map((q) => [q.asset, decStr(q.usd)]));
}

beforeAll(async () => {
  server = await startFakePriceServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  for (const source of ['coingecko', 'binance', 'kraken', 'mempool'] as const)
    server.setMode(source, 'ok');
  server.setPrice('BTC', '67000.5');
  server.setPrice('LTC', '85.25');
  server.setPrice('KAS', '0.1523');
  server.setPrice('ETC', '25.1');
});

describe('price sources against the fake APIs', () => {
  it('CoinGecko gives every coin it knows, read exactly', async () => {
    const reply = await PRICE_SOURCE_ADAPTERS.coingecko.fetchQuotes(
      ['BTC', 'LTC', 'KAS', 'ETC'],
      settingsFor(server.url),
      ctx(),
    );
    expect(quotesOf(reply)).toEqual({ BTC: '67000.5', LTC: '85.25', KAS: '0.1523', ETC: '25.1' });
    expect(server.requests['/api/v3/simple/price']).toBeGreaterThan(0);
  });

  it('CoinGecko sends the demo API key header when one is set', async () => {
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('x-cg-demo-api-key') ?? '(none)');
      return fetch(input, init);
    };
    const settings = settingsFor(server.url, 'CG-demo-key');
    await PRICE_SOURCE_ADAPTERS.coingecko.fetchQuotes(['BTC'], settings, {
      ...ctx(),
      fetch: recordingFetch,
    });
    await PRICE_SOURCE_ADAPTERS.coingecko.fetchQuotes(['BTC'], settingsFor(server.url), {
      ...ctx(),
      fetch: recordingFetch,
    });
    expect(seen).toEqual(['CG-demo-key', '(none)']);
  });

  it('Binance reads the string price of each USDT pair', async () => {
    const reply = await PRICE_SOURCE_ADAPTERS.binance.fetchQuotes(
      ['BTC', 'LTC', 'ETC', 'KAS'],
      settingsFor(server.url),
      ctx(),
    );
    expect(quotesOf(reply)).toEqual({ BTC: '67000.5', LTC: '85.25', ETC: '25.1' });
  });

  it('Kraken maps its own pair names (XXBTZUSD) back to our coins', async () => {
    const reply = await PRICE_SOURCE_ADAPTERS.kraken.fetchQuotes(
      ['BTC', 'LTC', 'ETC'],
      settingsFor(server.url),
      ctx(),
    );
    expect(quotesOf(reply)).toEqual({ BTC: '67000.5', LTC: '85.25', ETC: '25.1' });
  });

  it('mempool.space gives Bitcoin only', async () => {
    const reply = await PRICE_SOURCE_ADAPTERS.mempool.fetchQuotes(
      ['BTC', 'LTC'],
      settingsFor(server.url),
      ctx(),
    );
    expect(quotesOf(reply)).toEqual({ BTC: '67000.5' });
    expect(isFailure(reply) ? [] : reply.quotes[0]).toMatchObject({
      source: 'mempool',
      at: AT.toISOString(),
    });
  });

  it('makes no request when the source knows none of the coins', async () => {
    server.resetRequests();
    const reply = await PRICE_SOURCE_ADAPTERS.mempool.fetchQuotes(
      ['KAS'],
      settingsFor(server.url),
      ctx(),
    );
    expect(reply).toEqual({ quotes: [] });
    expect(server.totalRequests()).toBe(0);
  });
});

describe('every failure of a source is a typed failure that names it', () => {
  const cases: [FakeMode, FeedFailureKind][] = [
    ['html-429', 'rate-limited'],
    ['451', 'http'],
    ['500', 'http'],
    ['broken-json', 'not-json'],
    ['zero-price', 'bad-reply'],
    ['hang', 'timeout'],
    ['api-error', 'bad-reply'],
  ];
  const sources: FakeSource[] = ['coingecko', 'binance', 'kraken', 'mempool'];
  for (const source of sources) {
    for (const [mode, kind] of cases) {
      it(`${source} in mode ${mode} → ${kind}`, async () => {
        server.setMode(source, mode);
        const adapter = PRICE_SOURCE_ADAPTERS[source];
        const reply = await adapter.fetchQuotes(
          ['BTC'],
          settingsFor(server.url),
          ctx(mode === 'hang' ? 150 : 5000),
        );
        expect(isFailure(reply) ? reply.kind : 'quotes').toBe(kind);
        expect(isFailure(reply) ? reply.message : '').toContain(adapter.label);
        if (mode === 'html-429')
          expect(isFailure(reply) ? reply.retryAfterSec : 0).toBe(FAKE_RETRY_AFTER_SEC);
      });
    }
  }

  it('wild prices are still quotes (the aggregation drops them)', async () => {
    server.setMode('binance', 'wild');
    const reply = await PRICE_SOURCE_ADAPTERS.binance.fetchQuotes(
      ['BTC'],
      settingsFor(server.url),
      ctx(),
    );
    expect(quotesOf(reply)).toEqual({ BTC: '670005' });
  });

  it('a port with nothing listening is a network failure', async () => {
    const gone = await startFakePriceServer({ port: 0 });
    const url = gone.url;
    await gone.close();
    const reply = await PRICE_SOURCE_ADAPTERS.kraken.fetchQuotes(['BTC'], settingsFor(url), ctx());
    expect(isFailure(reply) ? reply.kind : 'quotes').toBe('network');
    expect(isFailure(reply) ? reply.message : '').toMatch(
      /Kraken could not be reached \(ECONNREFUSED/,
    );
  });
});

describe('reading prices safely', () => {
  it('accepts positive numbers and decimal strings, refuses the rest', () => {
    expect(readPrice(67000.1)?.toFixed()).toBe('67000.1');
    expect(readPrice('67000.12000000')?.toFixed()).toBe('67000.12');
    expect(readPrice(1e-7)?.toFixed()).toBe('0.0000001');
    for (const bad of [
      0,
      -5,
      '0',
      '-1.5',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      'abc',
      '',
      null,
      undefined,
      {},
      '1,000',
    ]) {
      expect(readPrice(bad)).toBeNull();
    }
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', AT)).toBe(120);
    expect(parseRetryAfter(new Date(AT.getTime() + 90_000).toUTCString(), AT)).toBe(90);
    expect(parseRetryAfter('soon', AT)).toBeUndefined();
    expect(parseRetryAfter(null, AT)).toBeUndefined();
  });
});
