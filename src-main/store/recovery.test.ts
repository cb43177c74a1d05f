import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database';
import { emptyDatabase } from './schema';
import { fakeClock, makeTempDir, removeDir, sampleRig } from './test-fixtures/store-fixtures';

// Never start empty without a word, and never rotate the farm away: a missing
// rigledger.json is restored from the newest good backup, and restarts of an
// empty-looking farm keep the newest backup that holds the farm.

let dir: string;
const open: Store[] = [];
const HOUR = 3_600_000;

async function openAt(clock: ReturnType<typeof fakeClock>): Promise<Store> {
  const store = await openStore({ dataDir: dir, now: clock.now, log: () => undefined });
  open.push(store);
  return store;
}

async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((store) => store.close()));
}

/**
 * A farm of four rigs, set up at 08:00 (the first change takes the day's backup), with
 * three more good backups taken at 09:00, 10:00 and 11:00 the same day.
 */
async function farmWithBackups(clock: ReturnType<typeof fakeClock>): Promise<void> {
  const store = await openAt(clock);
  await store.update((db) => {
    db.rigs = ['s19-a', 's19-b', 's21-a', 's21-b'].map((name) => sampleRig(name));
  });
  for (let hour = 0; hour < 3; hour += 1) {
    clock.advance(HOUR);
    await store.backups.create();
  }
  await closeAll();
}

async function backupsHoldingRigs(): Promise<string[]> {
  const folder = join(dir, 'backups');
  const holding: string[] = [];
  for (const name of await readdir(folder)) {
    const text = await readFile(join(folder, name), 'utf8');
    if (text.includes('"s19-a"')) holding.push(name);
  }
  return holding;
}

beforeEach(async () => {
  dir = await makeTempDir();
});

afterEach(async () => {
  await closeAll();
  await removeDir(dir);
});

describe('a missing rigledger.json', () => {
  it('is restored from the newest good backup, and the dashboard is told so', async () => {
    const clock = fakeClock('2026-11-24T08:00:00Z');
    await farmWithBackups(clock);
    // The newest backup is damaged: the one before it is used.
    await writeFile(join(dir, 'backups', 'rigledger-2026-11-24T11-00-00Z.json'), '{"rigs": [');
    await rm(join(dir, 'rigledger.json'));
    clock.set('2026-11-24T17:05:00Z');

    const store = await openAt(clock);

    expect(store.data.rigs).toHaveLength(4);
    expect(store.notices).toEqual([
      {
        id: 'recovered-from-backup-2026-11-24T17-05-00Z',
        kind: 'recovered-from-backup',
        at: '2026-11-24T17:05:00.000Z',
        message:
          `rigledger.json was missing from the data folder ${dir}. Your farm was restored from ` +
          'the backup taken 2026-11-24T10:00:00.000Z (rigledger-2026-11-24T10-00-00Z.json); ' +
          'changes made after that time are missing.',
      },
    ]);
    const onDisk = JSON.parse(await readFile(join(dir, 'rigledger.json'), 'utf8')) as {
      rigs: unknown[];
    };
    expect(onDisk.rigs).toHaveLength(4);
  });

  it('with no backup but a chart history starts empty and says why', async () => {
    await writeFile(join(dir, 'history.json'), '{"schemaVersion":1,"series":{}}');

    const store = await openAt(fakeClock('2026-11-24T17:05:00Z'));

    expect(store.data).toEqual(emptyDatabase());
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatchObject({ kind: 'recovered-empty' });
    expect(store.notices[0]!.message).toBe(
      `rigledger.json was missing from the data folder ${dir}. RigLedger started with an empty ` +
        'farm because the folder holds a chart history (history.json) but no backup to restore. ' +
        'If you moved or copied the data folder, close RigLedger and put rigledger.json back, ' +
        'or import a backup file.',
    );
  });

  it('with only unreadable backups starts empty and says so', async () => {
    await writeFile(join(dir, 'history.json'), '{"schemaVersion":1,"series":{}}');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'backups')));
    await writeFile(join(dir, 'backups', 'rigledger-2026-11-23T08-00-00Z.json'), '');

    const store = await openAt(fakeClock('2026-11-24T17:05:00Z'));

    expect(store.data.rigs).toEqual([]);
    expect(store.notices[0]!.message).toContain(
      `RigLedger started with an empty farm because none of the 1 backups in ${join(dir, 'backups')} could be read.`,
    );
  });

  it('in a brand-new data folder is simply a new farm, with no notice', async () => {
    const store = await openAt(fakeClock());
    expect(store.notices).toEqual([]);
  });

  it('is restored on every one of eleven restarts in a day, and the farm stays backed up', async () => {
    const clock = fakeClock('2026-11-24T08:00:00Z');
    await farmWithBackups(clock);
    for (let restart = 0; restart < 11; restart += 1) {
      await rm(join(dir, 'rigledger.json'), { force: true });
      clock.advance(HOUR);
      const store = await openAt(clock);
      expect(store.data.rigs).toHaveLength(4);
      await closeAll();
    }
    expect((await backupsHoldingRigs()).length).toBeGreaterThan(0);
  });
});

describe('rotation while the farm looks empty', () => {
  it('keeps the newest backup holding the farm through eleven restarts in a day', async () => {
    const clock = fakeClock('2026-11-24T08:00:00Z');
    await farmWithBackups(clock);
    // A valid but empty rigledger.json: nothing on open says anything is wrong.
    await writeFile(join(dir, 'rigledger.json'), JSON.stringify(emptyDatabase()));

    for (let restart = 0; restart < 11; restart += 1) {
      clock.advance(HOUR);
      const store = await openAt(clock);
      expect(store.data.rigs).toEqual([]);
      await store.backups.create(); // and a manual backup of the empty farm each time
      await closeAll();
    }

    const all = await readdir(join(dir, 'backups'));
    expect(all.length).toBeGreaterThan(10); // rotation did run
    // Every other farm backup rotated away; the newest one holding the farm is kept.
    expect(await backupsHoldingRigs()).toEqual(['rigledger-2026-11-24T11-00-00Z.json']);
  });

  it('rotates normally once the farm holds records again', async () => {
    const clock = fakeClock('2026-11-24T08:00:00Z');
    await farmWithBackups(clock);
    clock.set('2026-11-24T11:30:00Z');
    const store = await openAt(clock);
    for (let i = 0; i < 12; i += 1) {
      clock.advance(HOUR);
      await store.backups.create();
    }
    // The ten latest, all of the same day, each holding the farm: nothing extra is kept.
    expect(await readdir(join(dir, 'backups'))).toHaveLength(10);
    expect(await backupsHoldingRigs()).toHaveLength(10);
  });
});
