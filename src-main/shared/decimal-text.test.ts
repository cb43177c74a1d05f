import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type Dec, dec } from './decimal';
import {
  compareDecimal,
  formatCoin,
  formatEfficiency,
  formatFactor,
  formatHashrate,
  formatHashrateAs,
  formatLeverage,
  formatNumber,
  formatPct,
  formatPerKwh,
  formatSignedPct,
  formatUsd,
  formatWatts,
  toBarPercent,
} from './format';
import {
  compareDecimalText,
  decimalSign,
  decimalValue,
  divideValues,
  parseDecimalText,
  toFixedText,
} from './decimal-text';
import { bestHashrateUnit, fromHs } from './units';

// The formatting does its arithmetic on the strings (./decimal-text.ts) so the page needs no
// decimal.js; these properties hold it to what decimal.js (./decimal.ts) writes for the same
// figure — rounding half to even, quotients to 28 significant digits — on any decimal string.

/** The formatting as it was written with decimal.js: the reference. */
const reference = (() => {
  const group = (fixed: string): string => {
    const negative = fixed.startsWith('-');
    const body = negative ? fixed.slice(1) : fixed;
    const [int = '0', frac] = body.split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${negative ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
  };
  const fixed = (value: Dec, min: number, max: number): string => {
    let text = value.toDecimalPlaces(max, D.ROUND_HALF_EVEN).toFixed(max);
    if (max > min) {
      const [int, frac = ''] = text.split('.');
      let trimmed = frac.replace(/0+$/, '');
      if (trimmed.length < min) trimmed = trimmed.padEnd(min, '0');
      text = trimmed.length > 0 ? `${int}.${trimmed}` : (int ?? '0');
    }
    return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
  };
  const pct = (v: Dec, max: number) => `${group(fixed(v, 0, max))} %`;
  return {
    number: (v: Dec, max: number, min: number) => group(fixed(v, min, max)),
    usd: (v: Dec) => {
      const abs = v.abs();
      const places = abs.gte(1) || abs.isZero() ? 2 : 6;
      const text = group(fixed(abs, 2, places));
      return v.isNegative() && !v.isZero() && text !== '0.00' ? `-$${text}` : `$${text}`;
    },
    coin: (v: Dec, places: number) => `${group(fixed(v, 0, places))} BTC`,
    hashrate: (v: Dec) => {
      const unit = bestHashrateUnit(v);
      return `${group(fixed(fromHs(v, unit), 0, 2))} ${unit}`;
    },
    hashrateAs: (v: Dec) => `${group(fixed(v, 0, 4))} TH/s`,
    pct,
    signedPct: (v: Dec, max: number) => (v.gt(0) ? `+${pct(v, max)}` : pct(v, max)),
    watts: (v: Dec) => {
      const abs = v.abs();
      if (abs.gte(1_000_000)) return `${group(fixed(v.div(1_000_000), 0, 2))} MW`;
      if (abs.gte(1_000)) return `${group(fixed(v.div(1_000), 0, 2))} kW`;
      return `${group(fixed(v, 0, 0))} W`;
    },
    efficiency: (v: Dec) => `${group(fixed(v, 0, v.abs().lt(10) ? 3 : 1))} J/TH`,
    perKwh: (v: Dec) => `$${group(fixed(v, 2, 4))}/kWh`,
    leverage: (v: Dec) => `${group(fixed(v, 0, 2))}×`,
    factor: (v: Dec) => group(fixed(v, 2, 2)),
    bar: (v: Dec, total: Dec) => {
      if (total.isZero()) return 0;
      const ratio = v.div(total).mul(100);
      return Math.min(100, Math.max(0, ratio.toDecimalPlaces(1).toNumber()));
    },
  };
})();

/**
 * Decimal strings of every size: up to 34 digits on either side of the point (beyond the 28
 * decimal.js keeps in a quotient), ties at the places shown ("2.345", "0.125"), runs of
 * nines that round up into a new digit, and zeros.
 */
const digits = (max: number) =>
  fc
    .array(fc.oneof(fc.constantFrom('0', '5', '9'), fc.integer({ min: 0, max: 9 }).map(String)), {
      maxLength: max,
    })
    .map((d) => d.join(''));
const decimalText = fc
  .tuple(fc.boolean(), digits(34), fc.option(digits(34), { nil: undefined }))
  .map(([negative, int, frac]) => {
    const whole = int.replace(/^0+(?=\d)/, '') || '0';
    const text = frac === undefined || frac === '' ? whole : `${whole}.${frac}`;
    return negative ? `-${text}` : text;
  });

const runs = { numRuns: 2_000 };

describe('formatting on the strings, as decimal.js would', () => {
  it('writes every figure as the decimal.js formatting does', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 8 }), (text, places) => {
        const v = dec(text);
        expect(formatNumber(text, places)).toBe(reference.number(v, places, 0));
        expect(formatNumber(text, places, Math.min(places, 2))).toBe(
          reference.number(v, places, Math.min(places, 2)),
        );
        expect(formatUsd(text)).toBe(reference.usd(v));
        expect(formatCoin(text, 'BTC', places)).toBe(reference.coin(v, places));
        expect(formatHashrate(text)).toBe(reference.hashrate(v));
        expect(formatHashrateAs(text, 'TH/s')).toBe(reference.hashrateAs(v));
        expect(formatPct(text, places)).toBe(reference.pct(v, places));
        expect(formatSignedPct(text, places)).toBe(reference.signedPct(v, places));
        expect(formatWatts(text)).toBe(reference.watts(v));
        expect(formatEfficiency(text, 'J/TH')).toBe(reference.efficiency(v));
        expect(formatPerKwh(text)).toBe(reference.perKwh(v));
        expect(formatLeverage(text)).toBe(reference.leverage(v));
        expect(formatFactor(text)).toBe(reference.factor(v));
      }),
      runs,
    );
  });

  it('compares and divides as decimal.js does', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        expect(compareDecimal(a, b)).toBe(dec(a).comparedTo(dec(b)));
        expect(decimalSign(a)).toBe(dec(a).isZero() ? 0 : dec(a).isNegative() ? -1 : 1);
        if (dec(b).isZero()) return;
        expect(toBarPercent(a, b)).toBe(reference.bar(dec(a), dec(b)));
        const quotient = divideValues(decimalValue(a), decimalValue(b));
        expect(toFixedText(quotient, quotient.scale)).toBe(dec(a).div(dec(b)).toFixed());
      }),
      runs,
    );
  });

  it('fills a bar as decimal.js would where bars live: values near their span, ties and all', () => {
    // A value within a little of its span, in tenths of a thousandth of a percent, so near
    // ties and exact ties at the shown tenth come up often.
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -2_000, max: 1_200_000 }),
          // An exact tie at the tenth, and its nearest neighbours.
          fc
            .tuple(fc.integer({ min: -2, max: 1_200 }), fc.constantFrom(499, 500, 501))
            .map(([tenths, rest]) => tenths * 1_000 + rest),
        ),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        (part, span, scale) => {
          const of = toFixedText({ units: BigInt(span), scale }, scale);
          const value = toFixedText(
            { units: BigInt(part) * BigInt(span), scale: scale + 6 },
            scale + 6,
          );
          expect(toBarPercent(value, of)).toBe(reference.bar(dec(value), dec(of)));
        },
      ),
      runs,
    );
  });

  it('rounds ties to the even digit, and a tie only when it is exact', () => {
    expect(formatUsd('2.345')).toBe('$2.34');
    expect(formatUsd('2.355')).toBe('$2.36');
    expect(formatUsd('2.3450000000000000000000000000000001')).toBe('$2.35');
    expect(formatUsd('-999.995')).toBe('-$1,000.00');
    expect(formatWatts('1234565')).toBe('1.23 MW');
    expect(formatHashrate('999999999999999')).toBe('1,000 TH/s');
    expect(toBarPercent('1', '3')).toBe(33.3);
    expect(toBarPercent('2', '3')).toBe(66.7);
    // A bar's exact ties go to the even tenth, as decimal.js rounds them, however near.
    expect(toBarPercent('1.25', '100')).toBe(1.2);
    expect(toBarPercent('1.35', '100')).toBe(1.4);
    expect(toBarPercent('1.2500000000000000000001', '100')).toBe(1.3);
    expect(toBarPercent('-0.03', '100')).toBe(0);
    expect(toBarPercent('250', '100')).toBe(100);
  });

  it('takes only plain decimal strings', () => {
    for (const text of ['', '1e5', '1,000', '.5', '5.', 'NaN', '--1', '0x10'])
      expect(parseDecimalText(text)).toBeNull();
    expect(parseDecimalText(' 12.50 ')).toEqual({ units: 1250n, scale: 2 });
    expect(formatUsd('12 USD')).toBe('—');
    expect(() => decimalValue('1e5')).toThrow('"1e5" is not a decimal number');
  });
});

describe('compareDecimalText', () => {
  const text = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.nat({ max: 20 }))
    .map(([negative, digits, scale]) => {
      const padded = digits.toString().padStart(scale + 1, '0');
      const whole = scale === 0 ? padded : `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
      return negative ? `-${whole}` : whole;
    });
  it('orders decimal strings exactly as Decimal does, even past what a float holds', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(compareDecimalText(a, b)).toBe(dec(a).comparedTo(dec(b)));
      }),
    );
    expect(compareDecimalText('0.10000000000000000001', '0.1')).toBe(1);
    expect(compareDecimalText('-0', '0')).toBe(0);
  });
});
