import { chmod, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database';
import { CURRENT_SCHEMA_VERSION, emptyDatabase } from './schema';
import { bundledFixture } from './test-fixtures/bundle-child';
import {
  fakeClock,
  makeTempDir,
  removeDir,
  runHoldStore,
  sampleRig,
} from './test-fixtures/store-fixtures';

// The damaged-database matrix: whatever state rigledger.json is found in, RigLedger
// never overwrites it, never starts empty without saying so, and tells the operator
// what happened in words. Two processes on one folder: exactly one gets it.

let dir: string;
let store: Store | null = null;
const AT = '2026-11-24T17:05:00Z';
const BACKUP = 'rigledger-2026-11-20T08-00-00Z.json';

async function open(): Promise<Store> {
  store = await openStore({ dataDir: dir, now: fakeClock(AT).now, log: () => undefined });
  return store;
}

/** A good backup of a one-rig farm, as the daily backup would have left it. */
async function goodBackup(): Promise<void> {
  await mkdir(join(dir, 'backups'), { recursive: true });
  const farm = { ...emptyDatabase(), rigs: [sampleRig('backed-up')] };
  await writeFile(join(dir, 'backups', BACKUP), JSON.stringify(farm, null, 2));
}

beforeEach(async () => {
  dir = await makeTempDir();
});

afterEach(async () => {
  await store?.close();
  store = null;
  await chmod(dir, 0o700).catch(() => undefined);
  await removeDir(dir);
});

/**
 * A one-rig farm, valid but for one prototype-polluting key inserted at `marker` of its
 * JSON text. In a keyed map (stored prices) the schema alone would drop the key silently.
 */
function protoFarm(key: string, marker = '"lastPrices":{'): string {
  const text = JSON.stringify({ ...emptyDatabase(), rigs: [sampleRig('tampered')] });
  const comma = text.includes(`${marker}}`) ? '' : ',';
  if (!text.includes(marker)) throw new Error(`the farm's JSON has no ${marker}`);
  return text.replace(marker, `${marker}"${key}":{"usd":"1"}${comma}`);
}

const unreadable: [string, string | Buffer][] = [
  ['truncated', '{"schemaVersion": 2, "rigs": [{"id": "rig-a", "name": "S19'],
  ['empty (only whitespace)', ' \n\t\n'],
  ['zero bytes', ''],
  ['binary', Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x1f])],
  ['wrong shape: a list', '[1, 2, 3]'],
  ['wrong shape: fields of the wrong type', '{"schemaVersion": 2, "rigs": "many", "loans": {}}'],
  ['an unknown schemaVersion', '{"schemaVersion": "two"}'],
  ['a "__proto__" key in the stored prices', protoFarm('__proto__')],
  ['a "constructor" key in the manual prices', protoFarm('constructor', '"manualPrices":{')],
  ['a "prototype" key inside a rig', protoFarm('prototype', '{"id":"rig-tampered",')],
];

describe('damaged-database matrix', () => {
  for (const [kind, bytes] of unreadable) {
    it(`${kind}: kept aside untouched, the newest good backup loaded, the operator told`, async () => {
      await goodBackup();
      await writeFile(join(dir, 'rigledger.json'), bytes);

      const s = await open();

      expect(s.data.rigs.map((r) => r.name)).toEqual(['backed-up']);
      const aside = join(dir, 'rigledger.corrupt-2026-11-24T17-05-00Z.json');
      expect(Buffer.compare(await readFile(aside), Buffer.from(bytes))).toBe(0);
      expect(s.notices).toHaveLength(1);
      expect(s.notices[0]).toMatchObject({ kind: 'recovered-from-backup' });
      expect(s.notices[0]!.message).toMatch(
        new RegExp(
          `^RigLedger could not read its data file: .+ The file was left untouched and moved to ${aside.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Your farm was restored from the backup taken 2026-11-20T08:00:00\\.000Z \\(${BACKUP}\\)`,
        ),
      );
    });
  }

  it('a prototype-polluting key: the notice says which field, where, and that the whole file was refused', async () => {
    await goodBackup();
    await writeFile(join(dir, 'rigledger.json'), protoFarm('__proto__'));

    const s = await open();

    expect(s.data.rigs.map((r) => r.name)).toEqual(['backed-up']);
    expect(s.notices[0]!.message).toContain(
      'RigLedger could not read its data file: rigledger.json holds a field named "__proto__" (at lastPrices.__proto__), which RigLedger never writes and refuses for safety, so the whole file was refused. The file was left untouched',
    );
    await s.close();
    store = null;
    const reopened = await open();
    expect(reopened.notices.map((n) => n.kind)).toEqual(['recovered-from-backup']);
  });

  it('a future schema version: refused, the file left exactly as it was', async () => {
    const newer = JSON.stringify({ ...emptyDatabase(), schemaVersion: CURRENT_SCHEMA_VERSION + 5 });
    await writeFile(join(dir, 'rigledger.json'), newer);
    await expect(open()).rejects.toThrow(
      `rigledger.json was saved by a newer version of RigLedger (data format ${CURRENT_SCHEMA_VERSION + 5}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update RigLedger to open it; the file has not been changed.`,
    );
    expect(await readFile(join(dir, 'rigledger.json'), 'utf8')).toBe(newer);
    expect(await readdir(dir)).toEqual(['rigledger.json']); // no lock left, nothing written
  });

  for (const [version, file] of [
    ['0 (no schemaVersion)', { rigs: [sampleRig('old')], loans: [], positions: [] }],
    [
      '1',
      { ...emptyDatabase(), schemaVersion: 1, rigs: [sampleRig('old')], realisedPnl: undefined },
    ],
  ] as const) {
    it(`an old schema version ${version}: upgraded, the original kept as a backup, the operator told`, async () => {
      const text = JSON.stringify(file);
      await writeFile(join(dir, 'rigledger.json'), text);
      const s = await open();
      expect(s.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect(s.data.rigs.map((r) => r.name)).toEqual(['old']);
      expect(s.notices.map((n) => n.kind)).toEqual(['migrated']);
      expect(s.notices[0]!.message).toMatch(/^Your data was upgraded to the current format/);
      const [backup] = await s.backups.list();
      expect(await readFile(join(dir, 'backups', backup!.name), 'utf8')).toBe(text);
    });
  }

  it('missing, with backups: the newest good backup is restored and the operator told', async () => {
    await goodBackup();
    const s = await open();
    expect(s.data.rigs.map((r) => r.name)).toEqual(['backed-up']);
    expect(s.notices[0]!.message).toMatch(/^rigledger\.json was missing from the data folder/);
  });

  const asRoot = process.getuid?.() === 0;
  const posix = process.platform !== 'win32';
  (posix ? it : it.skip)(
    'an unwritable folder: refused with the reason, the farm file untouched',
    async () => {
      const farm = JSON.stringify({ ...emptyDatabase(), rigs: [sampleRig('kept')] });
      await writeFile(join(dir, 'rigledger.json'), farm);
      await chmod(join(dir, 'rigledger.json'), 0o644);
      await chmod(dir, 0o555);
      // Root writes anywhere: the child runs as "nobody" then, as a locked-down host would.
      const child = await runHoldStore(
        await bundledFixture('hold-store.ts'),
        dir,
        'x',
        asRoot ? 65534 : undefined,
      );
      expect(child.line).toMatch(
        /^REFUSED EACCES: EACCES: permission denied, open '.*rigledger\.lock/,
      );
      expect(await readFile(join(dir, 'rigledger.json'), 'utf8')).toBe(farm);
      expect(await readdir(dir)).toEqual(['rigledger.json']);
    },
  );
});

describe('two processes on one folder', () => {
  let bundle: string;
  beforeAll(async () => {
    bundle = await bundledFixture('hold-store.ts');
  }, 60_000);

  it('started together, exactly one opens it; the other is refused with a sentence naming it', async () => {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    const [a, b] = await Promise.all([
      runHoldStore(bundle, dir, 'first'),
      runHoldStore(bundle, dir, 'second'),
    ]);
    try {
      const lines = [a.line, b.line].sort();
      expect(lines[0]).toBe('ACK');
      const winner = a.line === 'ACK' ? a : b;
      const escaped = dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(lines[1]).toMatch(
        new RegExp(
          `^REFUSED locked: The RigLedger data folder ${escaped} is already open in another RigLedger ` +
            `process ${winner.pid} \\("hold-store test fixture"\\) on ${hostname()}, running since ` +
            `\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z\\. Close that app or stop that server, then try again\\.$`,
        ),
      );
    } finally {
      await Promise.all([a.kill(), b.kill()]);
    }
  });
});
