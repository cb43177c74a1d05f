import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, decStr, numberStr } from './decimal';

// The fast writers must write exactly what the Decimal path writes: the odds on every
// screen and in every export go through them.

describe('decStr', () => {
  it('rounds half to even and trims trailing zeros', () => {
    expect(decStr(dec('1.005'), 2)).toBe('1');
    expect(decStr(dec('1.015'), 2)).toBe('1.02');
    expect(decStr(dec('2.50'), 0)).toBe('2');
    expect(decStr(dec('-0.0000001'), 2)).toBe('0');
    expect(decStr(dec('54221.1055'))).toBe('54221.1055');
  });

  it('leaves a value that already fits as it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 }), (n, dp) => {
        const value = dec(n).div(10 ** dp);
        expect(decStr(value, 12)).toBe(value.isZero() ? '0' : value.toFixed());
      }),
    );
  });
});

describe('numberStr', () => {
  const viaDecimal = (x: number, dp: number) => decStr(dec(x), dp);

  it('writes what decStr(dec(x)) writes, for any number in range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 5 }),
        (x, dp) => {
          expect(numberStr(x, dp)).toBe(viaDecimal(x, dp));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('writes what decStr(dec(x)) writes at the halfway points and the edges', () => {
    const cases = [0, -0, 100, 99.995, 99.985, 0.005, 0.015, 0.025, 12.345, 1e-7, 5e-6, 4.9999e-6];
    for (let k = 0; k <= 20_000; k += 1) cases.push(k / 200, k / 1000 + 0.0005);
    for (const x of cases) {
      for (let dp = 0; dp <= 5; dp += 1) expect(numberStr(x, dp)).toBe(viaDecimal(x, dp));
    }
  });

  it('refuses what it cannot write', () => {
    expect(() => numberStr(Number.NaN, 2)).toThrow(/finite/);
    expect(() => numberStr(Infinity, 2)).toThrow(/finite/);
    expect(() => numberStr(1e25, 2)).toThrow(/exponent/);
    expect(() => numberStr(1, 7)).toThrow(/0 to 5/);
  });
});
