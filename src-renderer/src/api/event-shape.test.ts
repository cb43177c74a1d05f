import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { alertSchema } from '#api/alert';
import {
  farmSchema,
  hashPowerSchema,
  networkEntrySchema,
  priceEntrySchema,
  storeNoticeSchema,
} from '#api/snapshot';
import { snapshotSummarySchema } from '#api/snapshot-delta';
import {
  NOTICE_KINDS,
  alertShape,
  farmShape,
  hashPowerShape,
  networkEntryShape,
  priceEntryShape,
  storeNoticeShape,
  summaryShape,
  type ObjectCheck,
} from './event-shape';

// The page checks pushed summaries and alerts by hand (./event-shape.ts) so its first screen
// loads no zod; these tests hold the hand checks to the contract's schemas: the same fields,
// optional where the schema's are, and the same verdict on values right and wrong.

const PAIRS: [string, ObjectCheck, z.ZodObject][] = [
  ['alert', alertShape, alertSchema],
  ['price entry', priceEntryShape, priceEntrySchema],
  ['network entry', networkEntryShape, networkEntrySchema],
  ['hash power', hashPowerShape, hashPowerSchema],
  ['farm', farmShape, farmSchema],
  ['notice', storeNoticeShape, storeNoticeSchema],
  ['summary', summaryShape, snapshotSummarySchema],
];

const alert = {
  id: 'a1',
  rule: 'price.stale',
  severity: 'warning',
  level: 1,
  subjectKind: 'price',
  subjectId: 'BTC',
  message: 'The BTC price is 10 min old.',
  value: '600',
  threshold: '300',
  raisedAt: '2025-11-24T17:00:00.000Z',
  acknowledgedAt: '2025-11-24T17:05:00+01:00',
};

const summary = {
  asOf: '2026-12-01T00:00:00.000Z',
  offline: false,
  scenario: { BTC: '90000' },
  prices: {
    BTC: {
      usd: '97000.5',
      source: 'coinbase',
      at: '2026-12-01T00:00:00.000Z',
      stale: false,
      manual: false,
      disputed: false,
      multiSourceUsd: '97001',
      ageSec: 4,
    },
  },
  assetsInUse: ['BTC'],
  network: {
    BTC: {
      difficulty: '110000000000000',
      blockReward: '3.125',
      feesPerBlock: '0.02',
      networkHashrateHs: '800000000000000000000',
      height: 900000,
      source: 'mempool',
      at: '2026-12-01T00:00:00.000Z',
      stale: false,
    },
  },
  farm: {
    hashPower: [
      {
        coin: 'BTC',
        algorithm: 'SHA-256',
        nominalHs: '110000000000000',
        liveHs: null,
        livePct: null,
        liveBelowThreshold: false,
        rigsOnline: 0,
        rigsTotal: 1,
      },
    ],
    powerWatts: '3250',
    revenueUsdPerDay: '12.5',
    revenueLostUsdPerDay: null,
    powerCostUsdPerDay: '7.8',
    profitUsdPerDay: '4.7',
    debtUsd: '0',
    collateralUsd: null,
    worstHealthFactor: null,
    btcHashpriceUsdPerPhDay: '45.1',
  },
  notices: [
    { id: 'n1', kind: 'migrated', message: 'Moved to version 3.', at: '2026-12-01T00:00:00Z' },
  ],
};

/** Values right for some field and wrong for others. */
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  true,
  0,
  1,
  9,
  10,
  -1,
  1.5,
  Number.NaN,
  '',
  'x',
  'BTC',
  'critical',
  'price.stale',
  'price',
  'migrated',
  '12.5',
  ' 12.5 ',
  '-3',
  '1e5',
  '9'.repeat(41),
  `1.${'0'.repeat(450)}`,
  'a'.repeat(65),
  'a'.repeat(201),
  '2026-01-31T10:00:00.000Z',
  '2026-01-31T10:00:00+02:00',
  '2026-02-30T10:00:00Z',
  '2026-01-31T10:00Z',
  '2026-01-31',
  {},
  [],
  ['BTC'],
  { BTC: '1' },
  { BTC: 1 },
];

/** Every path to a value in an object, as key lists. */
function paths(value: unknown, at: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const inner = Object.entries(value).flatMap(([key, item]) => paths(item, [...at, key]));
  return at.length === 0 ? inner : [at, ...inner];
}

/** A copy with the value at `path` set (undefined: removed). */
function withValue(value: unknown, path: string[], next: unknown): unknown {
  const copy: unknown = structuredClone(value);
  let holder = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (next === undefined) delete holder[last];
  else holder[last] = next;
  return copy;
}

function sameVerdict(check: ObjectCheck, schema: z.ZodObject, base: unknown) {
  const places = paths(base);
  fc.assert(
    fc.property(
      fc.constantFrom(...places, ['extraField']),
      fc.constantFrom(...ODD_VALUES),
      (path, next) => {
        const value = withValue(base, path, next);
        const problem = check(value, 'it');
        expect(problem === null, `${path.join('.')} = ${String(next)}: ${problem}`).toBe(
          schema.safeParse(value).success,
        );
      },
    ),
    { numRuns: 1_500 },
  );
}

describe('the hand checks of pushed events', () => {
  it('have the fields of the contract, optional where they are', () => {
    for (const [name, check, schema] of PAIRS) {
      expect(Object.keys(check.fields).sort(), name).toEqual(Object.keys(schema.shape).sort());
      for (const [key, field] of Object.entries(schema.shape)) {
        expect('optional' in check.fields[key]!, `${name}.${key} optional`).toBe(
          (field as z.ZodType).safeParse(undefined).success,
        );
      }
    }
    expect(NOTICE_KINDS).toEqual(storeNoticeSchema.shape.kind.options);
  });

  it('accept what the schemas accept and refuse what they refuse', () => {
    expect(alertShape(alert, 'the alert')).toBeNull();
    expect(summaryShape(summary, 'the summary')).toBeNull();
    sameVerdict(alertShape, alertSchema, alert);
    sameVerdict(summaryShape, snapshotSummarySchema, summary);
  });

  it('say what is wrong and where', () => {
    expect(alertShape({ ...alert, severity: 'dire' }, 'the alert')).toBe(
      'the alert.severity should be one of info, warning, critical, not "dire".',
    );
    expect(summaryShape({ ...summary, farm: { ...summary.farm, powerWatts: 3250 } }, 's')).toBe(
      's.farm.powerWatts should be a decimal number in quotes such as "12.5", not 3250.',
    );
    const { asOf: _asOf, ...undated } = summary;
    expect(summaryShape(undated, 's')).toBe('s.asOf is missing.');
    expect(alertShape({ ...alert, note: 'x' }, 'the alert')).toBe(
      'the alert.note is not a field of it.',
    );
  });
});
