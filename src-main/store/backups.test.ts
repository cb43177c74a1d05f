import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database';
import { emptyDatabase } from './schema';
import { fakeClock, makeTempDir, removeDir, sampleRig } from './test-fixtures/store-fixtures';

let dir: string;
let store: Store | null = null;
const HOUR = 3_600_000;

beforeEach(async () => {
  dir = await makeTempDir();
});

afterEach(async () => {
  await store?.close();
  store = null;
  await removeDir(dir);
});

async function openAt(clock: ReturnType<typeof fakeClock>): Promise<Store> {
  store = await openStore({ dataDir: dir, now: clock.now, log: () => undefined });
  return store;
}

describe('backups', () => {
  it('are named by a sortable UTC time and listed newest first with their size', async () => {
    const clock = fakeClock('2026-11-24T17:05:00Z');
    const s = await openAt(clock);
    await s.backups.create();
    clock.advance(90_000);
    await s.update((db) => void db.rigs.push(sampleRig('r')));
    const second = await s.backups.create();

    const list = await s.backups.list();
    expect(list.map((b) => b.name)).toEqual([
      'rigledger-2026-11-24T17-06-30Z.json',
      'rigledger-2026-11-24T17-05-00Z.json',
    ]);
    expect(second).toEqual(list[0]);
    expect(list[0]).toMatchObject({ createdAt: '2026-11-24T17:06:30.000Z' });
    const text = await readFile(join(dir, 'backups', list[0]!.name), 'utf8');
    expect(list[0]!.sizeBytes).toBe(Buffer.byteLength(text));
  });

  it('rotation over 40 days keeps the last 10 plus the newest of each of the last 30 days', async () => {
    const clock = fakeClock('2026-10-01T00:00:00Z');
    const s = await openAt(clock); // an empty folder: nothing to back up on open
    for (let i = 0; i < 40 * 6; i += 1) {
      await s.backups.create(); // every 4 hours
      clock.advance(4 * HOUR);
    }

    const kept = (await s.backups.list()).map((b) => b.createdAt);

    // The last backup was taken 2026-11-09T20:00Z.
    const newestTen = [
      ...['20', '16', '12', '08', '04', '00'].map((h) => `2026-11-09T${h}:00:00.000Z`),
      ...['20', '16', '12', '08'].map((h) => `2026-11-08T${h}:00:00.000Z`),
    ];
    const dailyLast30 = Array.from({ length: 30 }, (_, i) =>
      new Date(Date.UTC(2026, 10, 9 - i, 20)).toISOString(),
    );
    const expected = [...new Set([...newestTen, ...dailyLast30])].sort().reverse();
    expect(kept).toEqual(expected);
    expect(kept).toHaveLength(38);
    expect(kept.at(-1)).toBe('2026-10-11T20:00:00.000Z');
  });

  it('createIfDue makes one backup a day however often it is asked', async () => {
    const clock = fakeClock('2026-11-01T00:30:00Z');
    const s = await openAt(clock);
    for (let hour = 0; hour < 72; hour += 1) {
      await s.backups.createIfDue(clock.now());
      clock.advance(HOUR);
    }
    expect((await s.backups.list()).map((b) => b.createdAt)).toEqual([
      '2026-11-03T00:30:00.000Z',
      '2026-11-02T00:30:00.000Z',
      '2026-11-01T00:30:00.000Z',
    ]);
  });

  it('restore brings a backup back after backing up the current state', async () => {
    const clock = fakeClock('2026-11-24T17:05:00Z');
    const s = await openAt(clock);
    await s.update((db) => void db.rigs.push(sampleRig('before')));
    const saved = await s.backups.create();
    clock.advance(60_000);
    await s.update((db) => (db.rigs = [sampleRig('after')]));
    clock.advance(60_000);

    const restored = await s.backups.restore(saved.name);

    expect(restored.name).toBe(saved.name);
    expect(s.data.rigs.map((r) => r.name)).toEqual(['before']);
    const [newest] = await s.backups.list();
    expect(await readFile(join(dir, 'backups', newest!.name), 'utf8')).toContain('"after"');
  });

  it('restore refuses names that are not backups, and paths', async () => {
    const s = await openAt(fakeClock());
    for (const name of [
      '../rigledger.json',
      'backups/rigledger-2026-11-24T17-05-00Z.json',
      '..\\x.json',
      'notes.txt',
    ]) {
      await expect(s.backups.restore(name)).rejects.toMatchObject({ code: 'bad-backup-name' });
    }
    await expect(s.backups.restore('rigledger-2020-01-01T00-00-00Z.json')).rejects.toMatchObject({
      code: 'backup-not-found',
    });
  });

  it('restore validates first and changes nothing when the backup is bad', async () => {
    const s = await openAt(fakeClock());
    await s.update((db) => void db.rigs.push(sampleRig('current')));
    const bad = { ...emptyDatabase(), rigs: [sampleRig('x', { powerWatts: 'lots' })] };
    await writeFile(
      join(dir, 'backups', 'rigledger-2026-01-01T00-00-00Z.json'),
      JSON.stringify(bad),
    );
    const before = await readdir(join(dir, 'backups'));

    await expect(s.backups.restore('rigledger-2026-01-01T00-00-00Z.json')).rejects.toThrow(
      /The backup rigledger-2026-01-01T00-00-00Z\.json cannot be restored: .*rigs\.0\.powerWatts/,
    );
    expect(s.data.rigs.map((r) => r.name)).toEqual(['current']);
    expect(await readdir(join(dir, 'backups'))).toEqual(before);
  });

  it('loadNewestValid skips unreadable backups and ignores other files', async () => {
    const s = await openAt(fakeClock('2026-11-20T00:00:00Z'));
    await s.update((db) => void db.rigs.push(sampleRig('good')));
    await writeFile(join(dir, 'backups', 'rigledger-2026-11-21T00-00-00Z.json'), '');
    await writeFile(join(dir, 'backups', 'README.txt'), 'not a backup');

    const loaded = await s.backups.loadNewestValid();
    expect(loaded?.entry.name).toBe('rigledger-2026-11-20T00-00-00Z.json');
    expect(loaded?.database.rigs.map((r) => r.name)).toEqual(['good']);
  });
});
