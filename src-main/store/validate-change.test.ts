import fc from 'fast-check';
import { Immer } from 'immer';
import { describe, expect, it } from 'vitest';
import { validateDatabase } from './documents';
import { emptyDatabase, type Database } from './schema';
import { sampleRig } from './test-fixtures/sample-rig';
import { validateChange } from './validate-change';

const drafts = new Immer({ autoFreeze: false });

function change(previous: Database, mutate: (draft: Database) => void): Database {
  const draft = drafts.createDraft(previous);
  mutate(draft);
  return drafts.finishDraft(draft);
}

function farm(rigs: number): Database {
  const db = emptyDatabase();
  db.rigs = Array.from({ length: rigs }, (_, i) => sampleRig(`r${i}`));
  return validateDatabase(db, 'The farm');
}

describe('validateChange', () => {
  it('keeps every record the change did not touch as the same object', async () => {
    const before = farm(3);
    const after = await validateChange(
      before,
      change(before, (db) => {
        db.rigs[1]!.notes = 'fan replaced';
      }),
      'The change',
    );
    expect(after.rigs[0]).toBe(before.rigs[0]);
    expect(after.rigs[2]).toBe(before.rigs[2]);
    expect(after.rigs[1]).toEqual({ ...before.rigs[1], notes: 'fan replaced' });
    expect(after.loans).toBe(before.loans);
  });

  it('refuses a bad new record and names where it is', async () => {
    const before = farm(2);
    const next = change(before, (db) => {
      db.rigs.push(sampleRig('bad', { hashrate: '-5' }));
    });
    await expect(validateChange(before, next, 'The change')).rejects.toThrow(
      /^The change was not saved: rigs\.2\.hashrate: /,
    );
  });

  it('refuses a key the database does not have', async () => {
    const before = farm(0);
    const next = { ...before, extra: 1 } as unknown as Database;
    await expect(validateChange(before, next, 'The change')).rejects.toThrow(/Unrecognized keys/);
  });

  it('accepts and stores exactly what checking the whole document would', async () => {
    const hashrate = fc.oneof(
      fc.constantFrom('110', '0', '-1', 'abc', '1e3', '95.5', ''),
      fc.integer({ min: 1, max: 500 }).map(String),
    );
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), hashrate }),
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), hashrate }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('electricity' as const), perKwh: hashrate }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        let current = farm(4);
        for (const [n, s] of steps.entries()) {
          const next = change(current, (db) => {
            if (s.kind === 'add') db.rigs.push(sampleRig(`n${n}`, { hashrate: s.hashrate }));
            else if (s.kind === 'electricity') db.settings.electricityPerKwh = s.perKwh;
            else if (db.rigs.length > 0) {
              const i = s.at % db.rigs.length;
              if (s.kind === 'edit') db.rigs[i]!.hashrate = s.hashrate;
              else db.rigs.splice(i, 1);
            }
          });
          const whole = (() => {
            try {
              return validateDatabase(structuredClone(next), 'The change');
            } catch {
              return null;
            }
          })();
          let incremental: Database | null;
          try {
            incremental = await validateChange(current, next, 'The change');
          } catch {
            incremental = null;
          }
          expect(incremental === null).toBe(whole === null);
          if (incremental !== null) {
            expect(incremental).toEqual(whole);
            current = incremental;
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
