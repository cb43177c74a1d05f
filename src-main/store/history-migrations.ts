import { DECIMAL_PATTERN } from '#shared/decimal';
import { canonicalDecimal, encodeSeries } from './history-encoding';
import type { Migration } from './migrations';
import { MINUTE_MS, rebucket, type SeriesPoint } from './retention';

// history.json steps (docs/architecture.md "History"). Version 1 stored every poll as an
// [ISO time, value] pair and one series per loan LTV and per position distance; those two
// are now computed from the price series and the record when asked, so they are dropped.

/** Series computed on request from the prices and the record, never stored. */
export const DERIVED_SERIES = /^(?:loan\..+\.ltvPct|position\..+\.distanceToLiquidationPct)$/;

function pointsOfVersion1(name: string, pairs: unknown): SeriesPoint[] {
  if (!Array.isArray(pairs))
    throw new Error(`history.json series ${name} is not a list of points.`);
  const points = pairs.map((pair: unknown): SeriesPoint => {
    const iso: unknown = Array.isArray(pair) ? pair[0] : undefined;
    const value: unknown = Array.isArray(pair) ? pair[1] : undefined;
    const t = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
    if (Number.isNaN(t)) {
      throw new Error(
        `history.json holds a point with an unreadable time (${JSON.stringify(iso)}).`,
      );
    }
    if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) {
      throw new Error(
        `history.json holds a value that is not a number (${JSON.stringify(value)}).`,
      );
    }
    return { t, iso: new Date(t).toISOString(), value: canonicalDecimal(value) };
  });
  return points.sort((a, b) => a.t - b.t);
}

export const historyV1toV2: Migration = {
  from: 1,
  summary:
    'history.json: points bucketed per minute and stored as runs of differences; ' +
    'loan LTV and position distance series dropped (now computed from the prices)',
  up(document) {
    const series: Record<string, unknown> = {};
    const old = document.series;
    if (typeof old !== 'object' || old === null) throw new Error('history.json has no series.');
    for (const [name, pairs] of Object.entries(old)) {
      if (DERIVED_SERIES.test(name)) continue;
      const raw = pointsOfVersion1(name, pairs);
      // Hourly and daily buckets already sit on a minute; raw polls become minute means.
      const bucketed = rebucket(raw, {
        from: Number.NEGATIVE_INFINITY,
        to: Number.POSITIVE_INFINITY,
        sizeMs: MINUTE_MS,
      });
      series[name] = encodeSeries(bucketed.points);
    }
    return { schemaVersion: 2, series };
  },
};
