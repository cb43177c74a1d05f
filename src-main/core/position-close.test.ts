import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '#shared/decimal';
import { realisedPnlUsd } from './position-close';

describe('the PnL a closed position realises', () => {
  it('is s·Q·(exit − entry) for a linear position (docs example: 1 BTC at 60,000)', () => {
    const long = { kind: 'linear', side: 'long', size: '1', entryPrice: '60000' } as const;
    expect(realisedPnlUsd(long, dec('61500')).toFixed()).toBe('1500');
    expect(realisedPnlUsd({ ...long, side: 'short' }, dec('61500')).toFixed()).toBe('-1500');
  });

  it('is s·C·(1/EP − 1/P) coins at the exit price for an inverse one', () => {
    // $10,000 short at 50,000 closed at 40,000: 10,000 × (1/50,000 − 1/40,000) × −1 = 0.05 BTC
    // = $2,000 at 40,000.
    const short = { kind: 'inverse', side: 'short', size: '10000', entryPrice: '50000' } as const;
    expect(realisedPnlUsd(short, dec('40000')).toFixed()).toBe('2000');
  });

  it('is zero at the entry price and opposite for the two sides', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('linear' as const, 'inverse' as const),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 200_000 }),
        (kind, size, entry, exit) => {
          const terms = { kind, size: String(size), entryPrice: String(entry) };
          expect(realisedPnlUsd({ ...terms, side: 'long' }, dec(entry)).isZero()).toBe(true);
          const long = realisedPnlUsd({ ...terms, side: 'long' }, dec(exit));
          const short = realisedPnlUsd({ ...terms, side: 'short' }, dec(exit));
          expect(long.plus(short).isZero()).toBe(true);
        },
      ),
    );
  });
});
