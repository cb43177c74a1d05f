import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from './decimal';
import { fractionSlip, fractionToPercent, percentText, percentToFraction } from './percent';

describe('percents as people type them', () => {
  it('reads 70, 70% and 70 % alike', () => {
    expect(['70', '70%', '70 %', ' 70 % '].map(percentText)).toEqual(['70', '70', '70', '70']);
  });

  it('asks whether 0.7 meant 70 %, and leaves 70, 1 and 0 alone', () => {
    expect(fractionSlip('0.7')).toBe('0.7 looks like a fraction: did you mean 70 %?');
    expect(fractionSlip('0.05%')).toBe('0.05 looks like a fraction: did you mean 5 %?');
    expect(fractionSlip('70')).toBeNull();
    expect(fractionSlip('1')).toBeNull();
    expect(fractionSlip('0')).toBeNull();
    expect(fractionSlip('abc')).toBeNull();
  });

  it('turns a maintenance margin rate of 0.5 % into the fraction 0.005 and back', () => {
    expect(percentToFraction('0.5 %')).toBe('0.005');
    expect(fractionToPercent('0.005')).toBe('0.5');
    expect(percentToFraction('1,5')).toBe('1,5');
  });

  it('property: a value in (0, 1) is always questioned, one of 1 or more never', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 1, max: 100_000 }),
        (micro, whole) => {
          const fraction = dec(micro).div(1_000_000).toFixed();
          expect(fractionSlip(fraction)).toBe(
            `${fraction} looks like a fraction: did you mean ${dec(fraction).mul(100).toFixed()} %?`,
          );
          expect(fractionSlip(String(whole))).toBeNull();
        },
      ),
    );
  });

  it('property: percent → fraction → percent gives back the typed number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        (n, places) => {
          const typed = (n / 10 ** places).toFixed(places);
          const back = fractionToPercent(percentToFraction(typed));
          expect(dec(back).eq(dec(typed))).toBe(true);
        },
      ),
    );
  });
});
