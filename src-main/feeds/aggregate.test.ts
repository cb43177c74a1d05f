import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '#shared/decimal';
import type { StoredPrice } from '#api/records';
import { type AggregateState, aggregatePrices, seedAggregateState } from './aggregate';
import type { Quote } from './sources/price-source';

const NOW = new Date('2025-06-01T12:00:00Z');
const AT = NOW.toISOString();
const OPTIONS = { freshForSec: 300 };

const quote = (source: string, usd: string, asset = 'BTC', at = AT): Quote => ({
  asset,
  usd: dec(usd),
  source,
  at,
});
const stored = (usd: string, at = '2025-06-01T11:59:00Z'): StoredPrice => ({
  usd,
  source: 'median of a, b, c',
  at,
  disputed: false,
});

describe('aggregating quotes into one price per coin', () => {
  it('three agreeing sources give their median', () => {
    const quotes = [
      quote('binance', '67010'),
      quote('kraken', '66990'),
      quote('coingecko', '67000'),
    ];
    const { prices } = aggregatePrices(seedAggregateState({}), quotes, NOW, OPTIONS);
    expect(prices.BTC).toEqual({
      usd: '67000',
      source: 'median of binance, kraken, coingecko',
      at: AT,
      disputed: false,
    });
  });

  it('a single wild source among three is ignored', () => {
    const quotes = [
      quote('binance', '670000'),
      quote('kraken', '67020'),
      quote('coingecko', '67000'),
    ];
    const { prices } = aggregatePrices(seedAggregateState({}), quotes, NOW, OPTIONS);
    expect(prices.BTC?.usd).toBe('67010');
    expect(prices.BTC?.source).toBe('median of kraken, coingecko');
    expect(prices.BTC?.disputed).toBe(false);
  });

  it('two sources more than 5 % apart keep the last agreed price, flagged disputed', () => {
    const state = seedAggregateState({ BTC: stored('67000') });
    const quotes = [quote('binance', '67000'), quote('kraken', '72000')];
    const { prices, state: after, notes } = aggregatePrices(state, quotes, NOW, OPTIONS);
    expect(prices.BTC).toEqual({ ...stored('67000'), disputed: true });
    expect(after.agreed.BTC?.usd).toBe('67000');
    expect(notes[0]).toMatch(/BTC sources disagree by more than 5 %/);
  });

  it('two disagreeing sources with no history give a disputed median', () => {
    const { prices } = aggregatePrices(
      seedAggregateState({}),
      [quote('a', '100'), quote('b', '120')],
      NOW,
      OPTIONS,
    );
    expect(prices.BTC).toMatchObject({ usd: '110', disputed: true });
  });

  it('three sources that all disagree are disputed too', () => {
    const state = seedAggregateState({ BTC: stored('100') });
    const quotes = [quote('a', '100'), quote('b', '120'), quote('c', '140')];
    expect(aggregatePrices(state, quotes, NOW, OPTIONS).prices.BTC).toMatchObject({
      usd: '100',
      disputed: true,
    });
  });

  it('two agreeing sources give their mean', () => {
    const { prices } = aggregatePrices(
      seedAggregateState({}),
      [quote('a', '100'), quote('b', '104')],
      NOW,
      OPTIONS,
    );
    expect(prices.BTC).toMatchObject({ usd: '102', source: 'median of a, b', disputed: false });
  });

  it('a jump of more than 30 % is confirmed only by the second poll', () => {
    let state: AggregateState = seedAggregateState({ BTC: stored('60000') });
    const first = aggregatePrices(state, [quote('a', '40000'), quote('b', '40100')], NOW, OPTIONS);
    expect(first.prices.BTC?.usd).toBe('60000');
    expect(first.state.pending.BTC?.usd).toBe('40050');
    expect(first.notes[0]).toMatch(/BTC moved more than 30 %.*waiting for the next poll/);
    state = first.state;
    const later = new Date(NOW.getTime() + 60_000);
    const second = aggregatePrices(
      state,
      [quote('a', '40200', 'BTC', later.toISOString())],
      later,
      OPTIONS,
    );
    expect(second.prices.BTC).toMatchObject({ usd: '40200', disputed: false });
    expect(second.state.agreed.BTC?.usd).toBe('40200');
    expect(second.state.pending.BTC).toBeUndefined();
  });

  it('a jump that the next poll does not repeat is forgotten', () => {
    const seeded = seedAggregateState({ BTC: stored('60000') });
    const spike = aggregatePrices(seeded, [quote('a', '90000')], NOW, OPTIONS);
    const calm = aggregatePrices(spike.state, [quote('a', '60100')], NOW, OPTIONS);
    expect(calm.prices.BTC?.usd).toBe('60100');
    expect(calm.state.pending.BTC).toBeUndefined();
    const spikeAgain = aggregatePrices(calm.state, [quote('a', '90000')], NOW, OPTIONS);
    expect(spikeAgain.prices.BTC?.usd).toBe('60100');
  });

  it('a jump up does not confirm a jump down', () => {
    const seeded = seedAggregateState({ BTC: stored('60000') });
    const up = aggregatePrices(seeded, [quote('a', '90000')], NOW, OPTIONS);
    const down = aggregatePrices(up.state, [quote('a', '30000')], NOW, OPTIONS);
    expect(down.prices.BTC?.usd).toBe('60000');
    expect(down.state.pending.BTC?.usd).toBe('30000');
  });

  it('quotes older than the freshness window are ignored', () => {
    const old = new Date(NOW.getTime() - 301_000).toISOString();
    const { prices } = aggregatePrices(
      seedAggregateState({}),
      [quote('a', '100', 'BTC', old), quote('b', '85', 'LTC')],
      NOW,
      OPTIONS,
    );
    expect(Object.keys(prices)).toEqual(['LTC']);
  });

  it('coins are aggregated independently', () => {
    const quotes = [quote('a', '67000'), quote('a', '85', 'LTC'), quote('b', '85.5', 'LTC')];
    const { prices } = aggregatePrices(seedAggregateState({}), quotes, NOW, OPTIONS);
    expect(prices.BTC?.usd).toBe('67000');
    expect(prices.LTC?.usd).toBe('85.25');
  });
});

describe('a price only one source quotes', () => {
  const lone = (usd: string, source = 'mempool') => [quote(source, usd)];

  it('after the sources agreed on 90,000, one source quoting 60,000 twice is marked single-source', () => {
    const agreed = aggregatePrices(
      seedAggregateState({}),
      [quote('a', '90000'), quote('b', '90010')],
      NOW,
      OPTIONS,
    );
    const first = aggregatePrices(agreed.state, lone('60000'), NOW, OPTIONS);
    expect(first.prices.BTC).toMatchObject({ usd: '90005', disputed: false });
    const second = aggregatePrices(first.state, lone('60000'), NOW, OPTIONS);
    expect(second.prices.BTC).toEqual({
      usd: '60000',
      source: 'mempool',
      at: AT,
      disputed: false,
      singleSource: true,
      multiSourceUsd: '90005',
    });
    expect(second.notes).toEqual([
      'Only mempool quotes BTC (60000), more than 30 % from the last multi-source price 90005; liquidation and margin-call alerts wait for a second source.',
    ]);
    // It stays marked while that source is alone, however often it repeats itself.
    expect(aggregatePrices(second.state, lone('60000'), NOW, OPTIONS).prices.BTC).toMatchObject({
      singleSource: true,
    });
  });

  it('is not marked when it stays within 30 % of the last multi-source price', () => {
    const seeded = seedAggregateState({ BTC: stored('90000') });
    const { prices } = aggregatePrices(seeded, lone('70000'), NOW, OPTIONS);
    expect(prices.BTC).toEqual({
      usd: '70000',
      source: 'mempool',
      at: AT,
      disputed: false,
      multiSourceUsd: '90000',
    });
  });

  it('a drift step by step is measured from the multi-source price, not the last step', () => {
    let state = seedAggregateState({ BTC: stored('90000') });
    const marks: (boolean | undefined)[] = [];
    for (const usd of ['80000', '70000', '62000']) {
      const round = aggregatePrices(state, lone(usd), NOW, OPTIONS);
      marks.push(round.prices.BTC?.singleSource);
      state = round.state;
    }
    expect(marks).toEqual([undefined, undefined, true]);
  });

  it('a second source that agrees clears the mark at once', () => {
    const seeded = seedAggregateState({
      BTC: { ...stored('60000'), singleSource: true, multiSourceUsd: '90000' },
    });
    const { prices, state } = aggregatePrices(
      seeded,
      [quote('mempool', '60000'), quote('binance', '60100')],
      NOW,
      OPTIONS,
    );
    expect(prices.BTC).toEqual({
      usd: '60050',
      source: 'median of mempool, binance',
      at: AT,
      disputed: false,
    });
    expect(state.multiSource.BTC).toBe('60050');
  });

  it('a restart keeps measuring from the stored multi-source price', () => {
    const seeded = seedAggregateState({
      BTC: { ...stored('60000'), singleSource: true, multiSourceUsd: '90000' },
    });
    expect(aggregatePrices(seeded, lone('60500'), NOW, OPTIONS).prices.BTC).toMatchObject({
      usd: '60500',
      singleSource: true,
      multiSourceUsd: '90000',
    });
  });

  it('property: a lone quote is marked exactly when it is more than 30 % from the multi-source price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 200_000 }),
        fc.integer({ min: 1_000, max: 200_000 }),
        (reference, usd) => {
          const seeded = seedAggregateState({ BTC: stored(String(reference)) });
          // Twice, so a jump the first poll holds back is confirmed by the second.
          const first = aggregatePrices(seeded, lone(String(usd)), NOW, OPTIONS);
          const { prices } = aggregatePrices(first.state, lone(String(usd)), NOW, OPTIONS);
          // |usd − reference| / reference > 30 %, in whole numbers so the boundary is exact.
          const moved = Math.abs(usd - reference) * 100 > 30 * reference;
          expect(prices.BTC?.usd).toBe(String(usd));
          expect(prices.BTC?.singleSource === true).toBe(moved);
        },
      ),
    );
  });
});
