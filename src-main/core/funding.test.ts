import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FundingQuote } from '#api/funding';
import { dec } from '#shared/decimal';
import {
  fundingFigures,
  fundingMarketOf,
  fundingMarketsInUse,
  fundingPerSettlementUsd,
  hedgeCarry,
  intervalFromSpacing,
  mergeFundingQuotes,
} from './funding';
import { samplePosition, sampleRig } from './test-fixtures/sample-records';

// Funding at the exchange's current rate (docs/formulas-positions.md "Funding").

const NOW = new Date('2026-11-24T12:00:00Z');

function quote(overrides: Partial<FundingQuote> = {}): FundingQuote {
  return {
    source: 'binance-usdm',
    symbol: 'BTCUSDT',
    rate: '0.0001',
    nextFundingAt: '2026-11-24T16:00:00.000Z',
    intervalHours: null,
    at: '2026-11-24T11:59:00.000Z',
    ...overrides,
  };
}

const quotes = (...list: FundingQuote[]) =>
  Object.fromEntries(list.map((q) => [`${q.source}:${q.symbol}`, q]));

describe('funding per day (Binance: funding amount = nominal value × funding rate, nominal = mark × size)', () => {
  it('a 1 BTC long at a 60,000 mark and +0.01 % pays 6 USDT a settlement: 18 a day, 547.50 a month', () => {
    const figures = fundingFigures(
      samplePosition({ side: 'long', size: '1' }),
      quotes(quote()),
      { mark: dec(60000), quoteUsd: dec(1) },
      NOW,
    );
    expect(figures).toMatchObject({
      fundingRatePct: '0.01',
      nextFundingAt: '2026-11-24T16:00:00.000Z',
      fundingIntervalHours: '8',
      fundingPerDayUsd: '-18',
      fundingPerMonthUsd: '-547.5',
      fundingSource: 'Binance USDⓈ-M',
      fundingNote: null,
    });
  });

  it('the same short receives it: positive rate, longs pay shorts', () => {
    const figures = fundingFigures(
      samplePosition({ side: 'short', size: '1' }),
      quotes(quote()),
      { mark: dec(60000), quoteUsd: dec(1) },
      NOW,
    );
    expect(figures.fundingPerDayUsd).toBe('18');
  });

  it('a negative rate turns it round: the short pays', () => {
    const figures = fundingFigures(
      samplePosition({ side: 'short', size: '2' }),
      quotes(quote({ rate: '-0.00025' })),
      { mark: dec(50000), quoteUsd: dec(1) },
      NOW,
    );
    // 2 × 50,000 × 0.025 % = 25 a settlement, 3 a day.
    expect(figures.fundingPerDayUsd).toBe('-75');
  });

  it('uses the interval the exchange states: 4-hourly settlements are 6 a day', () => {
    const figures = fundingFigures(
      samplePosition({ exchange: 'Bybit', side: 'long', size: '0.5' }),
      quotes(quote({ source: 'bybit', intervalHours: '4' })),
      { mark: dec(80000), quoteUsd: dec(1) },
      NOW,
    );
    // 0.5 × 80,000 × 0.01 % = 4 a settlement × 6.
    expect(figures).toMatchObject({ fundingPerDayUsd: '-24', fundingIntervalHours: '4' });
  });
});

describe('inverse contracts (Kraken inverse perpetual specification, "Example Funding Rate 1")', () => {
  it('a short of 100,000 one-dollar contracts at 0.01785 % an hour earns $17.85 (0.00255 BTC at 7,000) each hour', () => {
    const short = samplePosition({
      exchange: 'OKX',
      kind: 'inverse',
      quoteAsset: 'USD',
      side: 'short',
      size: '100000',
    });
    const perSettlement = fundingPerSettlementUsd(short, dec('0.0001785'), {
      mark: dec(7000),
      quoteUsd: dec(1),
    });
    expect(perSettlement.toFixed(2)).toBe('17.85');
    expect(perSettlement.div(7000).toFixed(5)).toBe('0.00255');
    const figures = fundingFigures(
      short,
      quotes(
        quote({ source: 'okx', symbol: 'BTC-USD-SWAP', rate: '0.0001785', intervalHours: '1' }),
      ),
      { mark: dec(7000), quoteUsd: dec(1) },
      NOW,
    );
    expect(figures.fundingPerDayUsd).toBe('428.4');
  });
});

describe('which feed quotes a position', () => {
  it('follows the exchange and the contract kind', () => {
    const p = (over: Parameters<typeof samplePosition>[0]) => fundingMarketOf(samplePosition(over));
    expect(p({})).toEqual({ source: 'binance-usdm', symbol: 'BTCUSDT', kind: 'linear' });
    expect(p({ kind: 'inverse', quoteAsset: 'USD' })).toMatchObject({
      source: 'binance-coinm',
      symbol: 'BTCUSD_PERP',
    });
    expect(p({ exchange: 'bybit' })).toMatchObject({ source: 'bybit', symbol: 'BTCUSDT' });
    expect(p({ exchange: 'Bybit', kind: 'inverse', quoteAsset: 'USD' })).toMatchObject({
      source: 'bybit',
      symbol: 'BTCUSD',
      kind: 'inverse',
    });
    expect(p({ exchange: 'OKX' })).toMatchObject({ source: 'okx', symbol: 'BTC-USDT-SWAP' });
  });

  it('says why when no feed does: another exchange, a dated future', () => {
    expect(fundingMarketOf(samplePosition({ exchange: 'Deribit' }))).toMatch(
      /Binance, Bybit and OKX; "Deribit" is none of them/,
    );
    expect(fundingMarketOf(samplePosition({ symbol: 'BTCUSD_261225' }))).toMatch(/dated future/);
  });

  it('polls each position’s market once, and the hedge market of each mined coin', () => {
    const markets = fundingMarketsInUse(
      [samplePosition(), samplePosition({ id: 'two' }), samplePosition({ exchange: 'OKX' })],
      [sampleRig({ coin: 'LTC' }), sampleRig({ coin: 'KAS' })],
    );
    expect(markets.map((m) => `${m.source}:${m.symbol}`)).toEqual([
      'binance-usdm:BTCUSDT',
      'okx:BTC-USDT-SWAP',
      'binance-usdm:LTCUSDT',
    ]);
  });
});

describe('what is shown without a full estimate', () => {
  const position = samplePosition();

  it('no quote yet: no figures, and a sentence naming the feed and symbol', () => {
    const figures = fundingFigures(position, {}, { mark: dec(60000), quoteUsd: dec(1) }, NOW);
    expect(figures.fundingPerDayUsd).toBeNull();
    expect(figures.fundingNote).toBe(
      'No funding rate has been received from Binance USDⓈ-M for BTCUSDT yet.',
    );
  });

  it('a quote received after the Snapshot’s instant was not known then', () => {
    const figures = fundingFigures(
      position,
      quotes(quote({ at: '2026-11-25T00:00:00.000Z' })),
      { mark: dec(60000), quoteUsd: dec(1) },
      NOW,
    );
    expect(figures.fundingRatePct).toBeNull();
  });

  it('no price: the rate is shown, the dollars are not', () => {
    const figures = fundingFigures(
      position,
      quotes(quote()),
      { mark: null, quoteUsd: dec(1) },
      NOW,
    );
    expect(figures).toMatchObject({ fundingRatePct: '0.01', fundingPerDayUsd: null });
    expect(figures.fundingNote).toMatch(/No BTC price/);
  });

  it('a rate whose settlement has passed is still used, and said to be old', () => {
    const figures = fundingFigures(
      position,
      quotes(quote({ nextFundingAt: '2026-11-24T08:00:00.000Z' })),
      { mark: dec(60000), quoteUsd: dec(1) },
      NOW,
    );
    expect(figures.fundingPerDayUsd).toBe('-18');
    expect(figures.fundingNote).toMatch(/settlement at 2026-11-24T08:00:00.000Z/);
  });

  it('a demo quote says it is one', () => {
    const figures = fundingFigures(
      position,
      quotes(quote({ demo: true })),
      { mark: dec(60000), quoteUsd: dec(1) },
      NOW,
    );
    expect(figures.fundingSource).toBe('demo (Binance USDⓈ-M)');
  });
});

describe('the funding interval', () => {
  it('comes from the spacing of successive next-settlement times', () => {
    expect(intervalFromSpacing('2026-11-24T08:00:00Z', '2026-11-24T16:00:00Z')).toBe('8');
    expect(intervalFromSpacing('2026-11-24T08:00:00Z', '2026-11-24T08:00:00Z')).toBeNull();
    expect(intervalFromSpacing('2026-11-22T08:00:00Z', '2026-11-24T08:00:00Z')).toBeNull();
  });

  it('a new quote without one learns it from the last quote, and keeps it after', () => {
    const first = quote({ nextFundingAt: '2026-11-24T12:00:00.000Z' });
    const afterSettlement = quote({ nextFundingAt: '2026-11-24T16:00:00.000Z' });
    const merged = mergeFundingQuotes(quotes(first), [afterSettlement]);
    expect(merged['binance-usdm:BTCUSDT']?.intervalHours).toBe('4');
    const again = mergeFundingQuotes(merged, [afterSettlement]);
    expect(again['binance-usdm:BTCUSDT']?.intervalHours).toBe('4');
  });
});

describe('the hedge’s carry', () => {
  it('a 2 BTC short at 90,000 and +0.01 % every 8 h receives 54 a day: 1,642.50 a month', () => {
    const carry = hedgeCarry(quote(), 'BTC', dec(2), dec(90000));
    expect(carry).toMatchObject({
      fundingRatePct: '0.01',
      fundingCarryUsdPerMonth: '1642.5',
      fundingSource: 'Binance USDⓈ-M BTCUSDT',
    });
  });

  it('without a rate: no figure and the reason', () => {
    expect(hedgeCarry(null, 'LTC', dec(2), dec(90))).toMatchObject({
      fundingCarryUsdPerMonth: null,
      fundingNote: 'No funding rate for a LTC perpetual has been received yet.',
    });
  });
});

describe('properties', () => {
  const rate = fc.integer({ min: -30000, max: 30000 }).map((bp) => dec(bp).div(1_000_000));
  const size = fc.integer({ min: 1, max: 10_000_000 }).map((n) => dec(n).div(1000));
  const mark = fc.integer({ min: 1, max: 500_000_000 }).map((n) => dec(n).div(1000));
  const kind = fc.constantFrom('linear' as const, 'inverse' as const);

  it('a long and a short of the same size get opposite amounts', () => {
    fc.assert(
      fc.property(rate, size, mark, kind, (r, q, m, k) => {
        const terms = { mark: m, quoteUsd: dec(1) };
        const long = fundingPerSettlementUsd(
          { kind: k, side: 'long', size: q.toFixed() },
          r,
          terms,
        );
        const short = fundingPerSettlementUsd(
          { kind: k, side: 'short', size: q.toFixed() },
          r,
          terms,
        );
        expect(long.plus(short).abs().lte('1e-12')).toBe(true);
      }),
    );
  });

  it('with a positive rate the long pays and the short receives; the amount is rate × notional', () => {
    fc.assert(
      fc.property(rate, size, mark, (r, q, m) => {
        const paid = fundingPerSettlementUsd(
          { kind: 'linear', side: 'long', size: q.toFixed() },
          r,
          {
            mark: m,
            quoteUsd: dec(1),
          },
        );
        expect(paid.isNeg() || paid.isZero()).toBe(r.gte(0));
        expect(paid.abs().minus(r.abs().mul(q).mul(m)).abs().lte('1e-12')).toBe(true);
      }),
    );
  });

  it('per day = per settlement × 24 / interval hours', () => {
    fc.assert(
      fc.property(rate, size, mark, fc.constantFrom('1', '2', '4', '8'), (r, q, m, hours) => {
        const position = samplePosition({ side: 'short', size: q.toFixed() });
        const figures = fundingFigures(
          position,
          quotes(quote({ rate: r.toFixed(), intervalHours: hours })),
          { mark: m, quoteUsd: dec(1) },
          NOW,
        );
        const expected = fundingPerSettlementUsd(position, r, { mark: m, quoteUsd: dec(1) })
          .mul(24)
          .div(hours);
        expect(
          dec(figures.fundingPerDayUsd ?? 'NaN')
            .minus(expected)
            .abs()
            .lte('0.005'),
        ).toBe(true);
      }),
    );
  });
});
