import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Alert, type Loan, type Position } from '#api/records';
import type { PriceEntry, Snapshot } from '#api/snapshot';
import {
  FIRST_LOOK_MARGIN_POINTS,
  FIRST_LOOK_MAX_POSITIONS,
  firstLookAnnouncements,
  nearTrouble,
  nearTroubleBatches,
} from './alert-first-look';
import { reconcileAlerts } from './alert-reconcile';
import { alertKey, type AlertCondition } from './alert-rules';
import { buildSnapshot } from './snapshot';
import { sampleLoan, samplePosition } from './test-fixtures/sample-records';

// The first look picks the records a new price may push over an alert line, from their
// last figures; what it announces, the whole evaluation keeps and never announces twice.

const AS_OF = new Date('2026-11-24T12:00:00Z');

function prices(btc: string): Record<string, PriceEntry> {
  return {
    BTC: {
      usd: btc,
      source: 'manual',
      at: AS_OF.toISOString(),
      stale: false,
      manual: true,
      disputed: false,
      ageSec: 0,
    },
  };
}

function snapshotAt(btc: string, records: { positions?: Position[]; loans?: Loan[] }): Snapshot {
  return buildSnapshot({
    asOf: AS_OF,
    offline: true,
    settings: DEFAULT_SETTINGS,
    rigs: [],
    loans: records.loans ?? [],
    positions: records.positions ?? [],
    prices: prices(btc),
    network: {},
    rigLive: {},
    alerts: [],
    notices: [],
    scenario: null,
  });
}

// docs/formulas-positions.md: long 1 BTC at 60,000, isolated, wallet 6,000 → liquidation $54,221.11.
const LONG = samplePosition({ id: 'long' });
// 500,000 USD against 10 BTC, margin call at 70 % LTV (BTC $71,428.57), bullet at 0 %.
const LOAN = sampleLoan({ id: 'loan', aprPct: '0', startDate: '2026-11-01' });

describe('which records the first look works out', () => {
  const t = DEFAULT_SETTINGS.thresholds;
  const positionLine =
    Number(t.positionWarningPct) + Number(t.hysteresisPoints) + FIRST_LOOK_MARGIN_POINTS;

  it('a position the new mark brings near its liquidation price, not one still far from it', () => {
    const before = snapshotAt('80000', { positions: [LONG] });
    // At $62,000 the long is (62,000 − 54,221.11) / 62,000 = 12.5 % from liquidation.
    expect(12.5).toBeLessThan(positionLine);
    expect(nearTrouble(before, prices('62000'), DEFAULT_SETTINGS).positionIds).toEqual(
      new Set(['long']),
    );
    // At $75,000 it is 27.7 % away: the whole evaluation is soon enough.
    expect(nearTrouble(before, prices('75000'), DEFAULT_SETTINGS).positionIds.size).toBe(0);
  });

  it('a loan whose LTV the new collateral price brings near its margin call', () => {
    const before = snapshotAt('100000', { loans: [LOAN] }); // LTV 50 %
    // At $75,000 the LTV is 66.7 %, within the watch band below the 70 % margin call.
    expect(nearTrouble(before, prices('75000'), DEFAULT_SETTINGS).loanIds).toEqual(
      new Set(['loan']),
    );
    expect(nearTrouble(before, prices('100000'), DEFAULT_SETTINGS).loanIds.size).toBe(0);
  });

  it('takes the nearest ones first, and no more than it can work out in one go', () => {
    const book = Array.from({ length: FIRST_LOOK_MAX_POSITIONS + 50 }, (_, i) =>
      // Smaller wallets sit nearer their liquidation price.
      samplePosition({ id: `p${i}`, walletBalance: String(6000 + i * 10) }),
    );
    const before = snapshotAt('80000', { positions: book });
    const chosen = nearTrouble(before, prices('60500'), DEFAULT_SETTINGS).positionIds;
    expect(chosen.size).toBe(FIRST_LOOK_MAX_POSITIONS);
    expect(chosen.has('p0')).toBe(true);
    expect(chosen.has(`p${FIRST_LOOK_MAX_POSITIONS + 49}`)).toBe(false);
    // The rest follow in later batches, nearest first, none twice and none left out.
    const batches = nearTroubleBatches(before, prices('60500'), DEFAULT_SETTINGS);
    expect(batches[0]!.positionIds).toEqual(chosen);
    expect(batches.map((b) => b.positionIds.size)).toEqual([FIRST_LOOK_MAX_POSITIONS, 50]);
    const all = batches.flatMap((b) => [...b.positionIds]);
    expect(new Set(all).size).toBe(book.length);
    expect(batches[1]!.positionIds.has(`p${FIRST_LOOK_MAX_POSITIONS + 49}`)).toBe(true);
    // Far from every line, nothing is looked at first.
    expect(nearTroubleBatches(before, prices('90000'), DEFAULT_SETTINGS)).toEqual([]);
    // Nor when no price moved (a rig edited): the last figures were judged already.
    const near = snapshotAt('60500', { positions: book });
    expect(nearTroubleBatches(near, prices('60400'), DEFAULT_SETTINGS).length).toBe(2);
    expect(nearTroubleBatches(near, near.prices, DEFAULT_SETTINGS)).toEqual([]);
    expect(nearTroubleBatches(near, prices('60500'), DEFAULT_SETTINGS)).toEqual([]);
  });
});

// Random alert states: which subjects have an active alert (and at what level), what the
// first look finds, what the whole evaluation finds and which subjects it cannot judge.
const SUBJECTS = ['a', 'b', 'c', 'd'];
const level = fc.integer({ min: 1, max: 3 });
const someLevels = fc.dictionary(fc.constantFrom(...SUBJECTS), level, { maxKeys: 4 });

function condition(subjectId: string, lvl: number): AlertCondition {
  return {
    rule: 'position.liquidation',
    subjectKind: 'position',
    subjectId,
    level: lvl,
    severity: lvl === 1 ? 'warning' : 'critical',
    value: String(10 - lvl * 3),
    threshold: '5',
    message: `${subjectId} at level ${lvl}`,
  };
}

function stored(subjectId: string, lvl: number): Alert {
  return {
    id: `stored-${subjectId}`,
    ...condition(subjectId, lvl),
    raisedAt: '2026-11-24T11:00:00Z',
  };
}

describe('the whole evaluation after a first look', () => {
  it('keeps what was announced, never announces it twice, and ends where it would have without it', () => {
    fc.assert(
      fc.property(
        someLevels,
        someLevels,
        someLevels,
        fc.subarray(SUBJECTS),
        (storedLevels, earlyLevels, finalLevels, held) => {
          let n = 0;
          const newId = () => `new-${(n += 1)}`;
          const alerts = Object.entries(storedLevels).map(([s, l]) => stored(s, l));
          const now = AS_OF;
          const early = firstLookAnnouncements({
            conditions: Object.entries(earlyLevels).map(([s, l]) => condition(s, l)),
            alerts,
            mutes: [],
            now,
            newId,
          });
          const outcome = {
            conditions: Object.entries(finalLevels).map(([s, l]) => condition(s, l)),
            held: new Set(held.map((s) => alertKey('position.liquidation', s))),
            failures: [],
          };
          const withLook = reconcileAlerts({
            alerts,
            outcome,
            mutes: [],
            now,
            newId,
            announced: early.announced,
          });
          const without = reconcileAlerts({ alerts, outcome, mutes: [], now, newId });

          // Announced levels per subject only ever rise: nothing is said twice.
          const said = new Map<string, number[]>();
          for (const e of [...early.events, ...withLook.events]) {
            if (e.change === 'cleared') continue;
            said.set(e.alert.subjectId, [...(said.get(e.alert.subjectId) ?? []), e.alert.level]);
          }
          for (const levels of said.values()) {
            for (let i = 1; i < levels.length; i += 1)
              expect(levels[i]).toBeGreaterThan(levels[i - 1]!);
          }
          // Whatever the evaluation alone would announce was announced.
          for (const e of without.events) {
            if (e.change !== 'cleared') expect(said.has(e.alert.subjectId)).toBe(true);
          }
          // Every announced alert is stored under the id it was announced with.
          const ids = new Set(withLook.alerts.map((a) => a.id));
          for (const e of early.events) expect(ids.has(e.alert.id)).toBe(true);
          // The active alerts end as without the first look, except one it raised or
          // escalated for a subject that cannot be judged now, which stays as announced.
          const active = (list: Alert[]) =>
            new Map(
              list
                .filter((a) => a.resolvedAt === undefined)
                .map((a) => [a.subjectId, `${a.level}|${a.message}`]),
            );
          const a = active(withLook.alerts);
          const b = active(without.alerts);
          for (const s of SUBJECTS) {
            const keptAsAnnounced =
              held.includes(s) &&
              !(s in finalLevels) &&
              s in earlyLevels &&
              earlyLevels[s]! > (storedLevels[s] ?? 0);
            if (keptAsAnnounced)
              expect(a.get(s)).toBe(`${earlyLevels[s]}|${s} at level ${earlyLevels[s]}`);
            else expect(a.get(s)).toBe(b.get(s));
          }
          // One alert per subject, whatever happened.
          const activeIds = withLook.alerts.filter((x) => x.resolvedAt === undefined);
          expect(new Set(activeIds.map((x) => x.subjectId)).size).toBe(activeIds.length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('an alert raised by the first look and gone by the whole evaluation is cleared, not lost', () => {
    const early = firstLookAnnouncements({
      conditions: [condition('a', 2)],
      alerts: [],
      mutes: [],
      now: AS_OF,
      newId: () => 'early-a',
    });
    expect(early.events).toMatchObject([{ change: 'raised', alert: { id: 'early-a', level: 2 } }]);
    const result = reconcileAlerts({
      alerts: [],
      outcome: { conditions: [], held: new Set(), failures: [] },
      mutes: [],
      now: AS_OF,
      newId: () => 'unused',
      announced: early.announced,
    });
    expect(result.events).toMatchObject([{ change: 'cleared', alert: { id: 'early-a' } }]);
    expect(result.alerts).toMatchObject([{ id: 'early-a', resolvedAt: AS_OF.toISOString() }]);
  });
});
