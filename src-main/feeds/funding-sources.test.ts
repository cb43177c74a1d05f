import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FundingQuote } from '#api/funding';
import { DEFAULT_SETTINGS } from '#api/records';
import type { FundingMarket } from '#core/funding';
import { startFakePriceServer, type FakePriceServer } from '#fixtures/fake-price-server';
import { type FeedContext, type FeedFailure, isFailure } from './http-client';
import { createFundingRounds } from './funding-round';
import { FUNDING_SOURCES, binanceCoinm, binanceUsdm, bybit, okx } from './funding-sources';
import { createFeedScheduler } from './scheduler';

// The four funding feeds against a fake exchange server on 127.0.0.1 (docs/formulas-positions.md
// "Funding"): what each reads, and every way a reply can be wrong.

const AT = new Date('2026-11-24T12:00:00Z');
const NEXT = Date.parse('2026-11-24T16:00:00Z');
let server: FakePriceServer;

const ctx = (): FeedContext => ({ fetch: globalThis.fetch, now: () => AT });
const settings = () => ({ enabled: true, baseUrl: server.url });

const markets: Record<string, FundingMarket> = {
  usdm: { source: 'binance-usdm', symbol: 'BTCUSDT', kind: 'linear' },
  coinm: { source: 'binance-coinm', symbol: 'BTCUSD_PERP', kind: 'inverse' },
  bybit: { source: 'bybit', symbol: 'BTCUSDT', kind: 'linear' },
  bybitInverse: { source: 'bybit', symbol: 'BTCUSD', kind: 'inverse' },
  okx: { source: 'okx', symbol: 'BTC-USDT-SWAP', kind: 'linear' },
};

function quoteOf(reply: FundingQuote | FeedFailure): FundingQuote {
  if (isFailure(reply)) throw new Error(`expected a quote, got ${reply.kind}: ${reply.message}`);
  return reply;
}

beforeAll(async () => {
  server = await startFakePriceServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.setFunding({ mode: 'ok', rate: '0.000125', nextFundingTimeMs: NEXT, intervalHours: 4 });
  server.resetRequests();
});

describe('funding feeds against the fake exchanges', () => {
  it('Binance USDⓈ-M: lastFundingRate and nextFundingTime; the interval is left to the spacing', async () => {
    const quote = quoteOf(await binanceUsdm.fetchQuote(markets.usdm!, settings(), ctx()));
    expect(quote).toEqual({
      source: 'binance-usdm',
      symbol: 'BTCUSDT',
      rate: '0.000125',
      nextFundingAt: '2026-11-24T16:00:00.000Z',
      intervalHours: null,
      at: AT.toISOString(),
    });
    expect(server.requests['/fapi/v1/premiumIndex']).toBe(1);
  });

  it('Binance COIN-M: the same figures from a list', async () => {
    const quote = quoteOf(await binanceCoinm.fetchQuote(markets.coinm!, settings(), ctx()));
    expect(quote).toMatchObject({ symbol: 'BTCUSD_PERP', rate: '0.000125' });
    expect(server.requests['/dapi/v1/premiumIndex']).toBe(1);
  });

  it('Bybit: linear and inverse tickers, with the interval Bybit states', async () => {
    for (const market of [markets.bybit!, markets.bybitInverse!]) {
      const quote = quoteOf(await bybit.fetchQuote(market, settings(), ctx()));
      expect(quote).toMatchObject({ symbol: market.symbol, rate: '0.000125', intervalHours: '4' });
      expect(quote.nextFundingAt).toBe('2026-11-24T16:00:00.000Z');
    }
  });

  it('OKX: fundingTime is the coming settlement, its spacing to nextFundingTime the interval', async () => {
    const quote = quoteOf(await okx.fetchQuote(markets.okx!, settings(), ctx()));
    expect(quote).toMatchObject({
      symbol: 'BTC-USDT-SWAP',
      nextFundingAt: '2026-11-24T16:00:00.000Z',
      intervalHours: '4',
    });
  });

  it('a negative rate is a rate: shorts pay longs', async () => {
    server.setFunding({ rate: '-0.0003' });
    const quote = quoteOf(await binanceUsdm.fetchQuote(markets.usdm!, settings(), ctx()));
    expect(quote.rate).toBe('-0.0003');
  });
});

describe('bad replies are failures that name the exchange, never quotes', () => {
  const cases = [
    { mode: 'html-429', kind: 'rate-limited', message: /Binance USDⓈ-M is rate-limiting us/ },
    { mode: '500', kind: 'http', message: /server error \(HTTP 500\)/ },
    { mode: 'nonsense', kind: 'bad-reply', message: /impossible funding rate for BTCUSDT/ },
    { mode: 'oversize', kind: 'too-large', message: /larger than 2,000,000 bytes/ },
    { mode: 'api-error', kind: 'http', message: /answered HTTP 400/ },
  ] as const;

  it.each(cases)('$mode → $kind', async ({ mode, kind, message }) => {
    server.setFunding({ mode });
    const reply = await binanceUsdm.fetchQuote(markets.usdm!, settings(), ctx());
    expect(reply).toMatchObject({ kind, message: expect.stringMatching(message) });
  });

  it('Bybit’s and OKX’s own error replies are read out', async () => {
    server.setFunding({ mode: 'api-error' });
    expect(await bybit.fetchQuote(markets.bybit!, settings(), ctx())).toMatchObject({
      kind: 'bad-reply',
      message: 'Bybit refused: Not supported symbols (10001).',
    });
    expect(await okx.fetchQuote(markets.okx!, settings(), ctx())).toMatchObject({
      kind: 'bad-reply',
      message: 'OKX refused: Instrument ID does not exist (51001).',
    });
  });

  it('a next funding time far away or long past is refused', async () => {
    server.setFunding({ nextFundingTimeMs: NEXT + 5 * 86_400_000 });
    expect(await bybit.fetchQuote(markets.bybit!, settings(), ctx())).toMatchObject({
      kind: 'bad-reply',
      message: expect.stringMatching(/impossible next funding time/),
    });
  });
});

describe('a funding round', () => {
  const rounds = () =>
    createFundingRounds({ sources: FUNDING_SOURCES, now: () => AT, context: ctx, log: () => {} });
  const withUrls = () => {
    const s = structuredClone(DEFAULT_SETTINGS);
    for (const { name } of FUNDING_SOURCES) s.sources[name] = settings();
    return s;
  };

  it('asks each market once, on its own exchange', async () => {
    const result = await rounds().run(
      withUrls(),
      [markets.usdm!, markets.usdm!, markets.okx!, markets.bybitInverse!],
      false,
    );
    expect(result.errors).toEqual([]);
    expect(result.quotes.map((q) => `${q.source}:${q.symbol}`).sort()).toEqual([
      'binance-usdm:BTCUSDT',
      'bybit:BTCUSD',
      'okx:BTC-USDT-SWAP',
    ]);
    expect(server.totalRequests()).toBe(3);
  });

  it('a switched-off exchange is not asked', async () => {
    const s = withUrls();
    s.sources.okx = { ...settings(), enabled: false };
    const result = await rounds().run(s, [markets.okx!], false);
    expect(result.quotes).toEqual([]);
    expect(server.totalRequests()).toBe(0);
  });

  it('a failing exchange is reported by name and shown failing in the status', async () => {
    server.setFunding({ mode: '500' });
    const round = rounds();
    const result = await round.run(withUrls(), [markets.usdm!], false);
    expect(result.errors).toEqual([
      { source: 'binance-usdm', message: expect.stringContaining('Binance USDⓈ-M') },
    ]);
    expect(round.status(withUrls()).find((r) => r.source === 'binance-usdm')).toMatchObject({
      kind: 'funding',
      label: 'Binance USDⓈ-M funding rates',
      ok: false,
      consecutiveFailures: 1,
    });
  });
});

describe('the scheduler', () => {
  it('asks for funding with each price round, and makes no request at all offline', async () => {
    const received: FundingQuote[][] = [];
    const base = withSettings(false);
    const scheduler = createFeedScheduler({
      getSettings: () => base,
      getAssets: () => [],
      getRigs: () => [],
      now: () => AT,
      initialPrices: {},
      onPrices: () => {},
      onNetwork: () => {},
      onRigLive: () => {},
      log: () => {},
      getFundingMarkets: () => [markets.usdm!],
      onFunding: (quotes) => received.push(quotes),
    });
    await scheduler.refresh();
    expect(received).toHaveLength(1);
    expect(received[0]?.[0]).toMatchObject({ symbol: 'BTCUSDT', rate: '0.000125' });

    server.resetRequests();
    base.offline = true;
    const offline = await scheduler.refresh();
    expect(offline.errors[0]?.message).toMatch(/no source was asked for prices or funding rates/);
    expect(server.totalRequests()).toBe(0);
    expect(received).toHaveLength(1);
  });
});

function withSettings(offline: boolean) {
  const s = structuredClone(DEFAULT_SETTINGS);
  s.offline = offline;
  for (const { name } of FUNDING_SOURCES) s.sources[name] = settings();
  return s;
}
