import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '#shared/decimal';
import { toChartNumber } from './chart-number';

describe('toChartNumber', () => {
  it('plots any decimal string at the float decimal.js gives it', () => {
    const decimalText = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.integer({ min: 0, max: 30 }))
      .map(([negative, digits, scale]) => {
        const text = digits.toString().padStart(scale + 1, '0');
        const whole = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
        return negative ? `-${whole}` : whole;
      });
    fc.assert(
      fc.property(decimalText, (text) => {
        expect(toChartNumber(text)).toBe(dec(text).toNumber());
      }),
    );
  });

  it('refuses what is not a decimal string', () => {
    for (const text of ['', 'NaN', '1e5', '0x10', 'abc']) {
      expect(() => toChartNumber(text)).toThrow(/is not a decimal number/);
    }
  });
});
