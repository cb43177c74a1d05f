import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimal } from '../format';
import { byDecimal, byText, sortRows } from './sorting';

interface Row {
  id: string;
  value: string | null;
}

const decimalText = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('not a number'),
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.nat({ max: 12 }))
    .map(([negative, digits, scale]) => {
      const text = digits.toString().padStart(scale + 1, '0');
      const whole = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
      return negative && digits !== 0n ? `-${whole}` : whole;
    }),
);

describe('table sorting', () => {
  it('orders decimal strings exactly as compareDecimal does, missing values last', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { maxLength: 40 }), (values) => {
        const rows: Row[] = values.map((value, i) => ({ id: `r${i}`, value }));
        const compare = byDecimal((r: Row) => r.value);
        const sorted = [...rows].sort(compare).map((r) => r.value);
        const expected = [...rows]
          .sort((a, b) => compareDecimal(a.value, b.value))
          .map((r) => r.value);
        expect(sorted).toEqual(expected);
      }),
    );
  });

  it('sorts a whole list by keys read once, both ways, equal rows as they came', () => {
    fc.assert(
      fc.property(
        fc.array(decimalText, { maxLength: 60 }),
        fc.constantFrom('asc' as const, 'desc' as const),
        (values, direction) => {
          const rows: Row[] = values.map((value, i) => ({ id: `r${i}`, value }));
          const sign = direction === 'asc' ? 1 : -1;
          const expected = [...rows].sort((a, b) => sign * compareDecimal(a.value, b.value));
          expect(
            sortRows(
              rows,
              byDecimal((r: Row) => r.value),
              direction,
            ),
          ).toEqual(expected);
          // Numbers that agree to the last digit a float holds are still told apart.
          const close = ['0.10000000000000000001', '0.1', '0.10000000000000000002'].map(
            (value, i) => ({ id: `c${i}`, value }),
          );
          expect(
            sortRows(
              close,
              byDecimal((r: Row) => r.value),
              'asc',
            ).map((r) => r.id),
          ).toEqual(['c1', 'c0', 'c2']);
        },
      ),
    );
  });

  it('reads a changed record again: a tick that moves a row moves it in the order', () => {
    const compare = byDecimal((r: Row) => r.value);
    const a: Row = { id: 'a', value: '10.5' };
    const b: Row = { id: 'b', value: '9.75' };
    expect([a, b].sort(compare).map((r) => r.id)).toEqual(['b', 'a']);
    // A delta replaces a record with a new object; the old one stays as it was.
    const a2: Row = { ...a, value: '9.5' };
    expect([a2, b].sort(compare).map((r) => r.id)).toEqual(['a', 'b']);
    expect([a, b].sort(compare).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('orders names with numbers in them as a person would', () => {
    const rows = ['S21 #10', 'S21 #9', 'L7 #2'].map((value, i) => ({ id: `${i}`, value }));
    expect(rows.sort(byText((r) => r.value)).map((r) => r.value)).toEqual([
      'L7 #2',
      'S21 #9',
      'S21 #10',
    ]);
  });
});
