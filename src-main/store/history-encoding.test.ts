import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '#shared/decimal';
import { canonicalDecimal, decodeSeries, encodeSeries } from './history-encoding';
import { MINUTE_MS, type SeriesPoint } from './retention';
import { historySegmentSchema } from './schema';

const point = (iso: string, value: string): SeriesPoint => ({ t: Date.parse(iso), iso, value });

describe('history.json encoding', () => {
  it('writes runs of a fixed step with the first value and then differences', () => {
    const points = [
      point('2026-11-20T10:00:00.000Z', '97000.5'),
      point('2026-11-20T11:00:00.000Z', '97012.75'),
      point('2026-11-20T12:00:00.000Z', '96999'),
      // The app was closed for a while; then polled every minute.
      point('2026-11-22T12:00:00.000Z', '-0.25'),
      point('2026-11-22T12:01:00.000Z', '0.25'),
      point('2026-11-22T12:02:00.000Z', '0.25'),
    ];
    expect(encodeSeries(points)).toEqual([
      { start: '2026-11-20T10:00:00.000Z', stepSec: 3600, values: '97000.5,12.25,-13.75' },
      { start: '2026-11-22T12:00:00.000Z', stepSec: 60, values: '-0.25,0.5,0' },
    ]);
    expect(decodeSeries(encodeSeries(points))).toEqual(points);
  });

  it('gives values back in their shortest form', () => {
    expect(canonicalDecimal('12.50')).toBe('12.5');
    expect(canonicalDecimal('-0.000')).toBe('0');
    expect(canonicalDecimal('-0.05')).toBe('-0.05');
    expect(canonicalDecimal('007')).toBe('7');
    expect(canonicalDecimal('1200')).toBe('1200');
  });

  it('round-trips any series of minute points exactly', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.nat({ max: 18 }))
      .map(([negative, units, scale]) => {
        const digits = units.toString().padStart(scale + 1, '0');
        const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
        return negative ? `-${text}` : text;
      });
    const minutes = fc.uniqueArray(fc.integer({ min: 0, max: 2 * 525_600 }), { maxLength: 60 });
    fc.assert(
      fc.property(minutes, fc.array(decimal, { minLength: 60, maxLength: 60 }), (ms, values) => {
        const start = Date.parse('2025-01-01T00:00:00Z');
        const points = [...ms]
          .sort((a, b) => a - b)
          .map((m, i) => {
            const t = start + m * MINUTE_MS;
            return { t, iso: new Date(t).toISOString(), value: values[i]! };
          });
        const segments = encodeSeries(points);
        for (const segment of segments) historySegmentSchema.parse(segment);
        const back = decodeSeries(segments);
        expect(back.map((p) => [p.t, p.iso])).toEqual(points.map((p) => [p.t, p.iso]));
        back.forEach((p, i) => {
          expect(p.value).toBe(canonicalDecimal(points[i]!.value));
          expect(new D(p.value).eq(new D(points[i]!.value))).toBe(true);
        });
      }),
    );
  });
});
