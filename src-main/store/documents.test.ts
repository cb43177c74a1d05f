import { describe, expect, it } from 'vitest';
import { decodeDatabase, validateDatabase } from './documents';
import { emptyDatabase } from './schema';
import { StoreError } from './store-error';
import { sampleRig } from './test-fixtures/store-fixtures';

// The sentences the store builds from validation issues end with exactly one full stop,
// although the schema's own messages already end with one.

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreError) return error.message;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describe('document validation messages', () => {
  it('a file that fails validation is described in one sentence with one full stop', () => {
    const database = { ...emptyDatabase(), rigs: [{ ...sampleRig('s19'), hashrate: '-1' }] };

    const message = messageOf(() => decodeDatabase(database));

    expect(message).toBe(
      'rigledger.json does not match what RigLedger expects: rigs.0.hashrate: Must be greater than 0.',
    );
  });

  it('several issues are joined with semicolons and the sentence ends once', () => {
    const rig = sampleRig('s19');
    const database = {
      ...emptyDatabase(),
      rigs: [{ ...rig, hashrate: '-1', powerWatts: '-5' }],
    };

    const message = messageOf(() => validateDatabase(database, 'The change'));

    expect(message).toMatch(
      /^The change was not saved: rigs\.0\.hashrate: [^.;]+; rigs\.0\.powerWatts: [^.;]+\.$/,
    );
    expect(message).not.toContain('..');
    expect(message).not.toContain('.;');
  });
});
