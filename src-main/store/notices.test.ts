import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database';
import { MAX_NOTICES, openNoticeBook } from './notices';
import { fakeClock, makeTempDir, removeDir } from './test-fixtures/store-fixtures';

let dir: string;
let store: Store | null = null;

async function reopen(at = '2026-11-24T17:05:00Z'): Promise<Store> {
  await store?.close();
  store = await openStore({ dataDir: dir, now: fakeClock(at).now, log: () => undefined });
  return store;
}

beforeEach(async () => {
  dir = await makeTempDir();
});

afterEach(async () => {
  await store?.close();
  store = null;
  await removeDir(dir);
});

describe('store notices', () => {
  it('a recovery notice stays, restart after restart, until the operator dismisses it', async () => {
    await writeFile(join(dir, 'rigledger.json'), '{"rigs": [');
    const first = await reopen();
    const [notice] = first.notices;
    expect(notice).toMatchObject({
      id: 'recovered-empty-2026-11-24T17-05-00Z',
      kind: 'recovered-empty',
    });

    for (const at of ['2026-11-24T18:00:00Z', '2026-11-25T09:00:00Z']) {
      expect((await reopen(at)).notices).toEqual([notice]);
    }

    expect(await store!.dismissNotice(notice!.id)).toBe(true);
    expect(store!.notices).toEqual([]);
    expect(await store!.dismissNotice(notice!.id)).toBe(false);
    expect((await reopen('2026-11-26T09:00:00Z')).notices).toEqual([]);
  });

  it('are kept in notices.json, not in rigledger.json or its backups', async () => {
    await writeFile(join(dir, 'rigledger.json'), '');
    await reopen();
    const saved = JSON.parse(await readFile(join(dir, 'notices.json'), 'utf8')) as {
      notices: { kind: string }[];
    };
    expect(saved.notices.map((n) => n.kind)).toEqual(['recovered-empty']);
    expect(await readFile(join(dir, 'rigledger.json'), 'utf8')).not.toContain('notices');
  });

  it('an unreadable notices.json starts over and says so in the log', async () => {
    await writeFile(join(dir, 'notices.json'), '{"schemaVersion": 1, "notices": [{"id": 5}]}');
    const lines: string[] = [];
    const book = await openNoticeBook(dir, (line) => lines.push(line));
    expect(book.list()).toEqual([]);
    expect(lines[0]).toMatch(/^notices\.json could not be read and starts over/);
  });

  it(`keeps the newest ${MAX_NOTICES} and gives each its own id`, async () => {
    const book = await openNoticeBook(dir, () => undefined);
    const at = '2026-11-24T17:05:00.000Z';
    await book.add(
      Array.from({ length: MAX_NOTICES + 5 }, (_, i) => ({
        kind: 'migrated' as const,
        message: `upgrade ${i}`,
        at,
      })),
    );
    const kept = (await openNoticeBook(dir, () => undefined)).list();
    expect(kept).toHaveLength(MAX_NOTICES);
    expect(kept[0]).toMatchObject({ id: 'migrated-2026-11-24T17-05-00Z-5', message: 'upgrade 5' });
    expect(new Set(kept.map((n) => n.id)).size).toBe(MAX_NOTICES);
  });
});
