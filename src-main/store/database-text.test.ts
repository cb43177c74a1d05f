import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { databaseText } from './database-text';
import { emptyDatabase } from './schema';
import { sampleRig } from './test-fixtures/sample-rig';

describe('rigledger.json text', () => {
  it('reads back as the database, a record per line', () => {
    const db = emptyDatabase();
    db.rigs = [sampleRig('a'), sampleRig('b', { notes: 'line one\nline "two"' })];
    db.mutes = [{ subjectId: 'all' }];
    const text = databaseText(db);
    expect(JSON.parse(text)).toEqual(db);
    const lines = text.split('\n');
    expect(lines.filter((line) => line.includes('"id":"rig-'))).toHaveLength(2);
    expect(lines.find((line) => line.startsWith('  "settings": '))).toBeDefined();
  });

  it('writes a record changed since the last write anew, frozen or not', () => {
    const rig = sampleRig('a');
    const db = { ...emptyDatabase(), rigs: [rig] };
    expect(databaseText(db)).toContain('"quantity":2');
    rig.quantity = 5; // not frozen: never remembered
    expect(databaseText(db)).toContain('"quantity":5');
    const frozen = freeze({ ...db, rigs: [{ ...rig, quantity: 7 }] }, true);
    expect(databaseText(frozen)).toContain('"quantity":7');
    expect(JSON.parse(databaseText(frozen))).toEqual(frozen);
  });
});
