import { describe, expect, it } from 'vitest';
import type { PriceEntry } from '#api/snapshot';
import { dec } from '#shared/decimal';
import { applyShocks, shockPrice } from './scenario';

const entry = (usd: string): PriceEntry => ({
  usd,
  source: 'median',
  at: '2024-06-01T00:00:00Z',
  stale: false,
  manual: false,
  disputed: false,
  ageSec: 5,
});

describe('scenario shocks', () => {
  it('moves each named asset by its percent and leaves the others', () => {
    const shocked = applyShocks(
      { BTC: entry('100000'), LTC: entry('80') },
      { BTC: '-30', ltc: '12.5' },
    );
    expect(shocked.BTC?.usd).toBe('70000');
    expect(shocked.LTC?.usd).toBe('90');
    expect(shocked.BTC?.source).toBe('median');
  });

  it('ignores assets without a price and floors a fall at 0', () => {
    expect(applyShocks({ BTC: entry('100000') }, { KAS: '-50' })).toEqual({ BTC: entry('100000') });
    expect(shockPrice(dec('100'), '-100').toFixed()).toBe('0');
    expect(shockPrice(dec('100'), '-150').toFixed()).toBe('0');
  });

  it('shocks a stablecoin from its 1:1 peg (a depeg), but never USD itself', () => {
    const shocked = applyShocks({ BTC: entry('100000') }, { USDT: '-40', usdc: '-1', USD: '-50' });
    expect(shocked.USDT?.usd).toBe('0.6');
    expect(shocked.USDC?.usd).toBe('0.99');
    expect(shocked.USD).toBeUndefined();
  });
});
