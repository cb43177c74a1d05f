import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { worstLoans, worstPositions } from './worst-items';

describe('worst items first', () => {
  it('orders positions by distance to liquidation, unknown distances last', () => {
    const positions = [
      { id: 'a', distanceToLiquidationPct: '12.5' },
      { id: 'b', distanceToLiquidationPct: null },
      { id: 'c', distanceToLiquidationPct: '3.2' },
      { id: 'd', distanceToLiquidationPct: '-1' },
    ];
    expect(worstPositions(positions, 3).map((p) => p.id)).toEqual(['d', 'c', 'a']);
    expect(worstPositions(positions, 10).map((p) => p.id)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('orders loans by health factor as decimals, not as text', () => {
    const loans = [
      { id: 'x', healthFactor: '10.5' },
      { id: 'y', healthFactor: '9.75' },
    ];
    expect(worstLoans(loans, 1).map((l) => l.id)).toEqual(['y']);
  });

  it('never returns more than asked, and nothing better than what it left out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500, max: 500 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (values, n) => {
          const loans = values.map((v, i) => ({ id: String(i), healthFactor: String(v / 100) }));
          const shown = worstLoans(loans, n);
          expect(shown.length).toBe(Math.min(n, loans.length));
          const worstShown = Math.max(...shown.map((l) => Number(l.healthFactor)));
          const left = loans.filter((l) => !shown.includes(l));
          for (const l of left) expect(Number(l.healthFactor)).toBeGreaterThanOrEqual(worstShown);
        },
      ),
    );
  });

  it('picks exactly the first n of a stable sort, duplicates and unknowns included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 80 }),
        (values, n) => {
          const positions = values.map((v, i) => ({
            id: `p${i}`,
            distanceToLiquidationPct: v === null ? null : `${v}.5`,
          }));
          const sorted = [...positions].sort((a, b) => {
            const x = a.distanceToLiquidationPct;
            const y = b.distanceToLiquidationPct;
            if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
            return Number(x) - Number(y);
          });
          expect(worstPositions(positions, n).map((p) => p.id)).toEqual(
            sorted.slice(0, n).map((p) => p.id),
          );
        },
      ),
    );
  });
});
