import { describe, expect, it } from 'vitest';
import { blockSubsidy, coinSpec } from './coins';
import { sampleSettings } from './test-fixtures/sample-records';

describe('coinSpec', () => {
  it('knows the four built-in coins', () => {
    const settings = sampleSettings();
    expect(coinSpec('BTC', settings)).toMatchObject({ algorithm: 'SHA-256', builtin: true });
    expect(coinSpec('ltc', settings)?.algorithm).toBe('Scrypt');
    expect(coinSpec('KAS', settings)?.blockTimeSec.toFixed()).toBe('0.1');
    expect(coinSpec('KAS', settings)?.hashesPerDifficulty.toFixed()).toBe('2');
    expect(coinSpec('ETC', settings)?.hashesPerDifficulty.toFixed()).toBe('1');
    expect(coinSpec('BTC', settings)?.hashesPerDifficulty.toFixed()).toBe('4294967296');
  });

  it('reads custom coins from settings, and built-ins win over a custom coin of the same symbol', () => {
    const settings = sampleSettings({
      coins: [
        { symbol: 'XMR', algorithm: 'RandomX', blockTimeSec: '120', hashesPerDifficulty: '1' },
        { symbol: 'BTC', algorithm: 'Fake', blockTimeSec: '1', hashesPerDifficulty: '1' },
      ],
    });
    expect(coinSpec('XMR', settings)).toMatchObject({
      symbol: 'XMR',
      algorithm: 'RandomX',
      builtin: false,
    });
    expect(coinSpec('BTC', settings)?.algorithm).toBe('SHA-256');
  });

  it('returns null for a coin it does not know', () => {
    expect(coinSpec('DOGE', sampleSettings())).toBeNull();
  });
});

describe('blockSubsidy', () => {
  // Bitcoin Core GetBlockSubsidy (docs/formulas.md "Block subsidy and halvings"): 3.125 since 840,000, 1.5625 from 1,050,000.
  it.each([
    [0, '50'],
    [209_999, '50'],
    [210_000, '25'],
    [839_999, '6.25'],
    [840_000, '3.125'],
    [1_050_000, '1.5625'],
    [210_000 * 64, '0'],
  ])('BTC at height %i pays %s', (height, subsidy) => {
    expect(blockSubsidy('BTC', height)?.toFixed()).toBe(subsidy);
  });

  it('rounds down to whole satoshis after many halvings (Bitcoin Core integer shift)', () => {
    // 5,000,000,000 sat >> 33 = 0.582… → 0 sat; >> 32 = 1.16 → 1 sat.
    expect(blockSubsidy('BTC', 210_000 * 32)?.toFixed()).toBe('0.00000001');
    expect(blockSubsidy('BTC', 210_000 * 33)?.toFixed()).toBe('0');
  });

  it('halves LTC every 840,000 blocks (Litecoin Core)', () => {
    expect(blockSubsidy('LTC', 839_999)?.toFixed()).toBe('50');
    expect(blockSubsidy('LTC', 840_000)?.toFixed()).toBe('25');
    expect(blockSubsidy('LTC', 2_520_000)?.toFixed()).toBe('6.25');
  });

  it('has no schedule for other coins', () => {
    expect(blockSubsidy('KAS', 1)).toBeNull();
    expect(blockSubsidy('BTC', -1)).toBeNull();
  });
});
