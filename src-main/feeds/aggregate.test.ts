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
