import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '#api/snapshot';
import { applySnapshotDelta, patchedRecord, type SnapshotDelta } from '#api/snapshot-delta';
import { createDeltaTracker } from './snapshot-deltas';

// The patch tables of a delta, on records of any shape: whatever changed between two
// versions (a figure deep inside an object, a list, a field that appears or goes), the
// delta applied to the first gives the second exactly, as JSON carries them.

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const leaf = fc.oneof(
  fc.constantFrom('0', '1.5', '91000', '-3.25', ''),
  fc.integer({ min: -3, max: 3 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const keys = fc.constantFrom('a', 'b', 'odds', 'days7', 'pct', 'x.y');
/** Objects up to three deep, with lists, empty objects and fields without a value. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 2 }),
    tie('object'),
  ),
  object: fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
})).value;
const body = fc.dictionary(keys, value, { maxKeys: 5 });

const ids = ['r1', 'r2', 'r3', 'r4'];
/** A version of a record list: some of the ids, each with a body. */
const version = fc
  .subarray(ids)
  .chain((present) =>
    fc
      .tuple(...present.map(() => body))
      .map((bodies) => present.map((id, i) => ({ ...bodies[i], id }))),
  );

function snapshotOf(rigs: { id: string }[]): Snapshot {
  return { asOf: 'x', rigs, loans: [], positions: [], alerts: [] } as unknown as Snapshot;
}

describe('snapshot delta patches', () => {
  it('applied to one version of any records give the next exactly', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 2, maxLength: 5 }), (versions) => {
        const tracker = createDeltaTracker();
        tracker.next(snapshotOf(versions[0]!));
        let held = { version: 1, snapshot: wire(snapshotOf(versions[0]!)) };
        for (const rigs of versions.slice(1)) {
          const delta = tracker.next(snapshotOf(rigs));
          const next = applySnapshotDelta(held, wire(delta) as SnapshotDelta);
          expect(next).not.toBeNull();
          expect(next!.snapshot.rigs).toEqual(wire(rigs));
          held = next!;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('name each changed figure once per table, not once per record', () => {
    const tracker = createDeltaTracker();
    const row = (id: string, pct: string) => ({
      id,
      name: `Position ${id} with a long name that does not change`,
      odds: { volatilityPct: '60', days7: { liquidationPct: pct, stopPct: '1' } },
    });
    tracker.next(snapshotOf([row('p1', '1'), row('p2', '2')]));
    const delta = tracker.next(snapshotOf([row('p1', '1.5'), row('p2', '2.5')]))!;
    expect(delta.rigs.patches).toEqual([
      {
        fields: [['odds', 'days7', 'liquidationPct']],
        rows: [
          ['p1', '1.5'],
          ['p2', '2.5'],
        ],
      },
    ]);
  });

  it('refuse a patch that does not fit the record it names', () => {
    const record = { id: 'r1', odds: { days7: '1' }, list: [1] };
    expect(patchedRecord(record, [['odds', 'days7']], ['2'])).toEqual({
      id: 'r1',
      odds: { days7: '2' },
      list: [1],
    });
    expect(record.odds.days7).toBe('1'); // the record held is not changed
    expect(patchedRecord(record, [['list', 'days7']], ['2'])).toBeNull(); // not an object
    expect(patchedRecord(record, [['nothing', 'days7']], ['2'])).toBeNull();
    expect(patchedRecord(record, [['odds']], [])).toBeNull(); // a value missing
    expect(patchedRecord(record, [[]], ['2'])).toBeNull();
  });
});
