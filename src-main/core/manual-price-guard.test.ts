import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, dec, decStr } from '#shared/decimal';
import { manualPriceJump } from './manual-price-guard';

describe('manual price guard', () => {
  it('asks about 6,200 typed for a BTC price of 62,000 and suggests 62,000', () => {
    const jump = manualPriceJump(dec('62000'), dec('6200'));
    expect(jump && decStr(jump.changePct)).toBe('-90');
    expect(jump?.suggestedUsd && decStr(jump.suggestedUsd)).toBe('62000');
  });

  it('asks about an extra digit (620,000) and suggests dropping it', () => {
    const jump = manualPriceJump(dec('62000'), dec('620000'));
    expect(jump && decStr(jump.changePct)).toBe('900');
    expect(jump?.suggestedUsd && decStr(jump.suggestedUsd)).toBe('62000');
  });

  it('asks about a 50 % move without inventing a slipped digit', () => {
    const jump = manualPriceJump(dec('62000'), dec('93000'));
    expect(jump && decStr(jump.changePct)).toBe('50');
    expect(jump?.suggestedUsd).toBeNull();
  });

  it('takes exactly 30 % either way, and any price when none is known yet', () => {
    expect(manualPriceJump(dec('100'), dec('130'))).toBeNull();
    expect(manualPriceJump(dec('100'), dec('70'))).toBeNull();
    expect(manualPriceJump(dec('100'), dec('130.01'))).not.toBeNull();
    expect(manualPriceJump(dec('100'), dec('69.99'))).not.toBeNull();
    expect(manualPriceJump(null, dec('6200'))).toBeNull();
  });

  it('property: a manual price within 30 % of the last one never needs confirmation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: -300_000, max: 300_000 }),
        (lastCents, changeMillionths) => {
          const last = new D(lastCents).div(100);
          // change in [−30 %, +30 %] in steps of 0.0001 %
          const proposed = last.mul(new D(1).plus(new D(changeMillionths).div(1_000_000)));
          expect(manualPriceJump(last, proposed)).toBeNull();
        },
      ),
    );
  });

  it('property: a price more than 30 % away always needs confirmation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 300_001, max: 100_000_000 }),
        fc.boolean(),
        (lastCents, changeMillionths, down) => {
          const last = new D(lastCents).div(100);
          const factor = down
            ? new D(1).div(new D(1).plus(new D(changeMillionths).div(1_000_000)))
            : new D(1).plus(new D(changeMillionths).div(1_000_000));
          const proposed = last.mul(factor);
          // A fall by factor 1/(1+x) is a change of −x/(1+x); count it only past −30 %.
          fc.pre(proposed.minus(last).div(last).abs().gt('0.3'));
          expect(manualPriceJump(last, proposed)).not.toBeNull();
        },
      ),
    );
  });
});
