import { describe, expect, it } from 'vitest';
import { RpcError } from '#api/errors';
import type { BackupDocumentParams } from '#api/methods';
import { sampleLoan, samplePosition, sampleRig } from '#core/test-fixtures/sample-records';
import { emptyDatabase } from '#store/schema';
import { readBackupDocument, readBackupDocumentSliced } from './backup-document';

// A large backup is checked record by record (other calls keep being answered), and that
// must change nothing an operator sees: the same farm when it is good, the same sentence
// when it is refused.

function backupOf(database: Record<string, unknown>): BackupDocumentParams {
  return { format: 'rigledger-backup', exportedAt: '2026-11-24T12:00:00.000Z', database };
}

const farm = (): Record<string, unknown> => ({
  ...emptyDatabase(),
  rigs: [sampleRig({ id: 'rig-a' }), sampleRig({ id: 'rig-b', name: 'Second' })],
  loans: [sampleLoan({ id: 'loan-a' })],
  positions: [samplePosition({ id: 'pos-a' })],
});

async function bothWays(document: BackupDocumentParams): Promise<[unknown, unknown]> {
  const outcome = async (read: () => unknown) => {
    try {
      return { ok: await read() };
    } catch (error) {
      return { refused: error };
    }
  };
  return [
    await outcome(() => readBackupDocument(document)),
    await outcome(() => readBackupDocumentSliced(document)),
  ];
}

describe('a backup checked record by record', () => {
  it.each<[string, () => BackupDocumentParams]>([
    ['a good farm', () => backupOf(farm())],
    [
      'a farm in data format 1 (upgraded)',
      () => {
        const v1: Record<string, unknown> = { ...farm(), schemaVersion: 1 };
        delete v1.realisedPnl; // format 1 had no realised PnL
        return backupOf(v1);
      },
    ],
    [
      'a rig with a negative power draw',
      () => backupOf({ ...farm(), rigs: [sampleRig(), { ...sampleRig(), powerWatts: '-5' }] }),
    ],
    [
      'bad records in three lists and a bad setting',
      () =>
        backupOf({
          ...farm(),
          settings: { ...emptyDatabase().settings, staleAfterSec: 'soon' },
          rigs: [{ ...sampleRig(), hashrate: 'fast' }],
          positions: [{ ...samplePosition(), leverage: '0' }],
          alerts: [{ id: 1 }],
        }),
    ],
    ['an unknown field in the database', () => backupOf({ ...farm(), extra: true })],
    ['rigs that are not a list', () => backupOf({ ...farm(), rigs: { a: 1 } })],
    ['no data format', () => backupOf({ ...farm(), schemaVersion: undefined })],
    ['a newer data format', () => backupOf({ ...farm(), schemaVersion: 99 })],
    [
      'a bad rig and an unknown field',
      () => backupOf({ ...farm(), rigs: [{ ...sampleRig(), quantity: 0 }], extra: 1 }),
    ],
  ])('%s: the same result as checking it whole', async (name, make) => {
    const [whole, sliced] = await bothWays(make());
    expect(sliced).toStrictEqual(whole);
    const refused = (outcome: unknown) =>
      outcome instanceof Object && 'refused' in outcome && outcome.refused instanceof RpcError
        ? outcome.refused
        : null;
    expect(refused(whole) === null).toBe(name.startsWith('a good') || name.includes('upgraded'));
    expect(refused(sliced)?.message).toBe(refused(whole)?.message);
    expect(refused(sliced)?.details).toStrictEqual(refused(whole)?.details);
  });
});
