import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database';
import { CURRENT_SCHEMA_VERSION, emptyDatabase, databaseSchema } from './schema';
import {
  fakeClock,
  holdStoreInChild,
  makeTempDir,
  removeDir,
  sampleRig,
} from './test-fixtures/store-fixtures';

let dir: string;
const open: Store[] = [];
const logLines: string[] = [];

async function openTestStore(now = fakeClock().now): Promise<Store> {
  const store = await openStore({ dataDir: dir, now, log: (line) => logLines.push(line) });
  open.push(store);
  return store;
}

beforeEach(async () => {
  dir = await makeTempDir();
  logLines.length = 0;
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await removeDir(dir);
});

describe('openStore', () => {
  it('creates the data folder and starts with an empty farm', async () => {
    dir = join(dir, 'nested', 'RigLedger');
    const store = await openTestStore();

    expect(store.data).toEqual(emptyDatabase());
    expect(store.notices).toEqual([]);
    const onDisk: unknown = JSON.parse(await readFile(join(dir, 'rigledger.json'), 'utf8'));
    expect(onDisk).toEqual(emptyDatabase());
  });

  it('keeps changes across a close and a reopen', async () => {
    const first = await openTestStore();
    await first.update((db) => void db.rigs.push(sampleRig('garage-s19')));
    await first.close();

    const second = await openTestStore();
    expect(second.data.rigs.map((r) => r.name)).toEqual(['garage-s19']);
  });

  it('backs up the file as found on open, before anything changes', async () => {
    const first = await openTestStore();
    await first.update((db) => void db.rigs.push(sampleRig('a')));
    await first.close();
    const asFound = await readFile(join(dir, 'rigledger.json'), 'utf8');

    const second = await openTestStore();
    const [backup] = await second.backups.list();
    expect(backup).toBeDefined();
    expect(await readFile(join(dir, 'backups', backup!.name), 'utf8')).toBe(asFound);
  });

  it('refuses a file written by a newer RigLedger and leaves it untouched', async () => {
    const newer = JSON.stringify({ ...emptyDatabase(), schemaVersion: 99 });
    await writeFile(join(dir, 'rigledger.json'), newer);

    await expect(openTestStore()).rejects.toThrow(/newer version of RigLedger.*format 99/);
    expect(await readFile(join(dir, 'rigledger.json'), 'utf8')).toBe(newer);
    // The lock was released: a second attempt fails for the same reason, not the lock.
    await expect(openTestStore()).rejects.toThrow(/newer version/);
  });

  it('upgrades a v0 file on open and says so', async () => {
    const v0 = JSON.stringify({ rigs: [sampleRig('old')], loans: [], positions: [] });
    await writeFile(join(dir, 'rigledger.json'), v0);

    const store = await openTestStore();

    expect(store.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(store.data.rigs.map((r) => r.name)).toEqual(['old']);
    expect(store.notices.map((n) => n.kind)).toEqual(['migrated']);
    const onDisk: unknown = JSON.parse(await readFile(join(dir, 'rigledger.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION });
    const [backup] = await store.backups.list();
    expect(await readFile(join(dir, 'backups', backup!.name), 'utf8')).toBe(v0);
  });
});

describe('update', () => {
  it('returns what the change returns and makes it visible after it is saved', async () => {
    const store = await openTestStore();
    const id = await store.update((db) => {
      db.rigs.push(sampleRig('r1'));
      return db.rigs[0]!.id;
    });
    expect(id).toBe('rig-r1');
    expect(store.data.rigs).toHaveLength(1);
  });

  it('leaves memory and disk unchanged when the change fails validation', async () => {
    const store = await openTestStore();
    await store.update((db) => void db.rigs.push(sampleRig('good')));
    const before = structuredClone(store.data);
    const fileBefore = await readFile(join(dir, 'rigledger.json'), 'utf8');

    await expect(
      store.update((db) => {
        db.rigs[0]!.name = 'renamed';
        db.rigs.push(sampleRig('bad', { hashrate: '-5' }));
      }),
    ).rejects.toThrow(/The change was not saved: rigs\.1\.hashrate/);

    expect(store.data).toEqual(before);
    expect(await readFile(join(dir, 'rigledger.json'), 'utf8')).toBe(fileBefore);
  });

  it('leaves everything unchanged when the change itself throws', async () => {
    const store = await openTestStore();
    await expect(
      store.update((db) => {
        db.rigs.push(sampleRig('half'));
        throw new Error('no such loan');
      }),
    ).rejects.toThrow('no such loan');
    expect(store.data.rigs).toEqual([]);
  });

  it('runs concurrent changes one after another, none lost', async () => {
    const store = await openTestStore();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.update((db) => void db.rigs.push(sampleRig(`r${i}`))),
      ),
    );
    expect(store.data.rigs.map((r) => r.name)).toEqual(
      Array.from({ length: 25 }, (_, i) => `r${i}`),
    );
    await store.close();
    const reopened = await openTestStore();
    expect(reopened.data.rigs).toHaveLength(25);
  });

  it('refuses changes after close', async () => {
    const store = await openTestStore();
    await store.close();
    await expect(store.update((db) => void db.rigs.push(sampleRig('late')))).rejects.toThrow(
      /shutting down/,
    );
  });

  it('takes a daily backup when a change comes a day after the newest backup', async () => {
    const clock = fakeClock('2026-11-24T17:05:00Z');
    const store = await openTestStore(clock.now);
    await store.update((db) => void db.rigs.push(sampleRig('a'))); // no backup yet: due
    clock.advance(3_600_000);
    await store.update((db) => void db.rigs.push(sampleRig('b')));
    expect((await store.backups.list()).map((b) => b.createdAt)).toEqual([
      '2026-11-24T17:05:00.000Z',
    ]);

    clock.advance(24 * 3_600_000);
    await store.update((db) => void db.rigs.push(sampleRig('c')));

    const backups = await store.backups.list();
    expect(backups.map((b) => b.createdAt)).toEqual([
      '2026-11-25T18:05:00.000Z',
      '2026-11-24T17:05:00.000Z',
    ]);
    const newest = await readFile(join(dir, 'backups', backups[0]!.name), 'utf8');
    expect(newest).toContain('"c"');
  });
});

describe('replace', () => {
  it('swaps in a whole valid document after backing up the current one', async () => {
    const store = await openTestStore();
    await store.update((db) => void db.rigs.push(sampleRig('current')));

    await store.replace({ ...emptyDatabase(), rigs: [sampleRig('imported')] });

    expect(store.data.rigs.map((r) => r.name)).toEqual(['imported']);
    const [backup] = await store.backups.list();
    const saved = await readFile(join(dir, 'backups', backup!.name), 'utf8');
    expect(saved).toContain('"current"');
  });

  it('refuses an invalid document and changes nothing', async () => {
    const store = await openTestStore();
    const bad = { ...emptyDatabase(), rigs: [sampleRig('x', { quantity: 0 })] };
    await expect(store.replace(bad)).rejects.toThrow(
      /not saved: rigs\.0\.quantity: Quantity is at least 1/,
    );
    expect(store.data).toEqual(emptyDatabase());
  });
});

describe('an unreadable rigledger.json', () => {
  async function storeWithBackup(): Promise<string> {
    const clock = fakeClock('2026-11-20T08:00:00Z');
    const first = await openTestStore(clock.now);
    await first.update((db) => void db.rigs.push(sampleRig('backed-up')));
    await first.close();
    clock.advance(60_000);
    const second = await openTestStore(clock.now); // backs the file up on open, at 08:01
    await second.close();
    return readFile(join(dir, 'rigledger.json'), 'utf8');
  }

  const badFiles: Record<string, (good: string) => string> = {
    corrupt: () => '{"schemaVersion": 1, "rigs": [ \u0000\u0000 garbage',
    truncated: (good) => good.slice(0, Math.floor(good.length / 2)),
    empty: () => '',
    invalid: (good) => good.replace(/"quantity":\s*2/, '"quantity":-2'),
  };

  for (const [kind, makeBad] of Object.entries(badFiles)) {
    it(`is moved aside when ${kind}, and the newest good backup is loaded`, async () => {
      const good = await storeWithBackup();
      const bad = makeBad(good);
      expect(bad).not.toBe(good);
      await writeFile(join(dir, 'rigledger.json'), bad);

      const store = await openTestStore(fakeClock('2026-11-24T17:05:00Z').now);

      expect(store.data.rigs.map((r) => r.name)).toEqual(['backed-up']);
      const corruptName = 'rigledger.corrupt-2026-11-24T17-05-00Z.json';
      expect(await readFile(join(dir, corruptName), 'utf8')).toBe(bad);
      expect(store.notices).toHaveLength(1);
      expect(store.notices[0]).toMatchObject({
        kind: 'recovered-from-backup',
        at: '2026-11-24T17:05:00.000Z',
      });
      expect(store.notices[0]!.message).toContain(corruptName);
      expect(store.notices[0]!.message).toContain('2026-11-20T08:01:00.000Z');
      // The recovered state is what is on disk now.
      const onDisk: unknown = JSON.parse(await readFile(join(dir, 'rigledger.json'), 'utf8'));
      expect(databaseSchema.parse(onDisk).rigs).toHaveLength(1);
    });
  }

  it('starts empty and says so when no backup can be used', async () => {
    await writeFile(join(dir, 'rigledger.json'), '{"rigs": [');
    const store = await openTestStore();

    expect(store.data).toEqual(emptyDatabase());
    expect(store.notices[0]?.kind).toBe('recovered-empty');
    expect(store.notices[0]?.message).toMatch(
      /No usable backup was found, so RigLedger started with an empty farm/,
    );
    const names = await readdir(dir);
    expect(names).toContain('rigledger.corrupt-2026-11-24T17-05-00Z.json');
  });

  it('skips a backup that is itself bad and loads an older good one', async () => {
    await storeWithBackup();
    await writeFile(join(dir, 'backups', 'rigledger-2026-11-23T00-00-00Z.json'), '{ nope');
    await writeFile(
      join(dir, 'backups', 'rigledger-2026-11-22T00-00-00Z.json'),
      '{"schemaVersion": 1}',
    );
    await writeFile(join(dir, 'rigledger.json'), '');

    const store = await openTestStore();
    expect(store.data.rigs.map((r) => r.name)).toEqual(['backed-up']);
    expect(store.notices[0]!.message).toContain('rigledger-2026-11-20T08-01-00Z.json');
    expect(logLines.filter((line) => line.startsWith('Skipping the backup'))).toHaveLength(2);
  });
});

describe('durability', () => {
  it('keeps an acknowledged change when the process is killed with kill -9', async () => {
    const held = await holdStoreInChild(dir, 'survivor');
    await held.kill();

    const store = await openTestStore();
    expect(store.data.rigs.map((r) => r.name)).toEqual(['survivor']);
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await stat(join(dir, 'rigledger.json'))).size).toBeGreaterThan(0);
  });
});

describe('hot state from the feeds (updateSoon)', () => {
  const storedPrice = (usd: string) => ({
    usd,
    source: 'coingecko',
    at: '2026-11-24T17:05:00Z',
    disputed: false,
  });
  const onDisk = async () =>
    JSON.parse(await readFile(join(dir, 'rigledger.json'), 'utf8')) as {
      lastPrices: Record<string, { usd: string }>;
      rigs: { id: string }[];
    };

  async function openHot(delayMs: number): Promise<Store> {
    const store = await openStore({
      dataDir: dir,
      now: fakeClock().now,
      log: (line) => logLines.push(line),
      hotWriteDelayMs: delayMs,
    });
    open.push(store);
    return store;
  }

  it('is the current state at once and reaches the disk shortly after', async () => {
    const store = await openHot(100);
    await store.updateSoon((db) => {
      db.lastPrices = { BTC: storedPrice('91000') };
    });
    expect(store.data.lastPrices.BTC?.usd).toBe('91000');
    expect((await onDisk()).lastPrices.BTC).toBeUndefined();
    await expect.poll(async () => (await onDisk()).lastPrices.BTC?.usd).toBe('91000');
  });

  it('rides along with the next durable change', async () => {
    const store = await openHot(60_000);
    await store.updateSoon((db) => {
      db.lastPrices = { BTC: storedPrice('92000') };
    });
    await store.update((db) => void db.rigs.push(sampleRig('r1')));
    const disk = await onDisk();
    expect(disk.lastPrices.BTC?.usd).toBe('92000');
    expect(disk.rigs.map((r) => r.id)).toEqual(['rig-r1']);
  });

  it('is written before the store closes, and read back on the next start', async () => {
    const store = await openHot(60_000);
    await store.updateSoon((db) => {
      db.lastPrices = { BTC: storedPrice('93000') };
    });
    await store.close();
    open.splice(open.indexOf(store), 1);
    const again = await openHot(60_000);
    expect(again.data.lastPrices.BTC?.usd).toBe('93000');
  });

  it('refuses an invalid change and keeps the state it had', async () => {
    const store = await openHot(100);
    await expect(
      store.updateSoon((db) => {
        db.lastPrices = { BTC: { ...storedPrice('x'), usd: 'not a price' } };
      }),
    ).rejects.toThrow(/feed update/i);
    expect(store.data.lastPrices).toEqual({});
  });
});
