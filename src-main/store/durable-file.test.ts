import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  durableJsonFile,
  moveAside,
  readTextIfExists,
  removeLeftoverTempFiles,
  UnreadableFileError,
  writeFileDurably,
} from './durable-file';
import { makeTempDir, removeDir } from './test-fixtures/store-fixtures';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});

afterEach(async () => {
  await removeDir(dir);
});

interface Counter {
  count: number;
}

function counterFile(path: string) {
  return durableJsonFile<Counter>(path, {
    decode: (json) => {
      if (
        typeof json === 'object' &&
        json !== null &&
        'count' in json &&
        typeof json.count === 'number'
      ) {
        return { count: json.count };
      }
      throw new Error('not a counter');
    },
  });
}

describe('durableJsonFile', () => {
  it('reads null when the file does not exist', async () => {
    expect(await counterFile(join(dir, 'missing.json')).read()).toBeNull();
  });

  it('writes a document that reads back the same', async () => {
    const file = counterFile(join(dir, 'doc.json'));
    await file.write({ count: 7 });
    expect(await file.read()).toEqual({ count: 7 });
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('writes the state as it was when write() was called', async () => {
    const file = counterFile(join(dir, 'doc.json'));
    const state = { count: 1 };
    const written = file.write(state);
    state.count = 2;
    await written;
    expect(await file.read()).toEqual({ count: 1 });
  });

  it('runs concurrent writes one at a time and the last one wins', async () => {
    const file = counterFile(join(dir, 'doc.json'));
    await Promise.all(Array.from({ length: 50 }, (_, i) => file.write({ count: i })));
    expect(await file.read()).toEqual({ count: 49 });
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('resolves each write only once its state (or a newer one) is on disk', async () => {
    const path = join(dir, 'doc.json');
    const file = counterFile(path);
    const seen: number[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        file.write({ count: n }).then(async () => {
          seen.push((await file.read())?.count ?? 0);
        }),
      ),
    );
    expect(seen.every((count, i) => count >= i + 1)).toBe(true);
  });

  it('rejects a failed write and keeps serving later ones', async () => {
    const bad = counterFile(join(dir, 'no-such-folder', 'doc.json'));
    await expect(bad.write({ count: 1 })).rejects.toThrow(/ENOENT/);
    const good = counterFile(join(dir, 'doc.json'));
    await good.write({ count: 2 });
    expect(await good.read()).toEqual({ count: 2 });
  });

  it('tells an empty file from one that is not JSON', async () => {
    const path = join(dir, 'doc.json');
    await writeFile(path, '  \n');
    await expect(counterFile(path).read()).rejects.toMatchObject({ reason: 'empty' });
    await writeFile(path, '{"count": 3');
    await expect(counterFile(path).read()).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(counterFile(path).read()).rejects.toThrow(/not valid JSON/);
  });

  it('passes decode failures through', async () => {
    const path = join(dir, 'doc.json');
    await writeFile(path, '{"total": 3}');
    await expect(counterFile(path).read()).rejects.toThrow('not a counter');
  });
});

describe('file helpers', () => {
  it('replaces a file in one step, leaving no temp file', async () => {
    const path = join(dir, 'rigledger.json');
    await writeFileDurably(path, 'one');
    await writeFileDurably(path, 'two');
    expect(await readTextIfExists(path)).toBe('two');
    expect(await readdir(dir)).toEqual(['rigledger.json']);
  });

  it('moves a bad file aside with its bytes, never over an earlier one', async () => {
    const path = join(dir, 'rigledger.json');
    const at = new Date('2026-11-24T17:05:00Z');
    await writeFile(path, 'first bad');
    const first = await moveAside(path, at);
    await writeFile(path, 'second bad');
    const second = await moveAside(path, at);

    expect(first).toBe(join(dir, 'rigledger.corrupt-2026-11-24T17-05-00Z.json'));
    expect(second).toBe(join(dir, 'rigledger.corrupt-2026-11-24T17-05-00Z-1.json'));
    expect(await readFile(first, 'utf8')).toBe('first bad');
    expect(await readFile(second, 'utf8')).toBe('second bad');
    expect(await readTextIfExists(path)).toBeNull();
  });

  it('removes temp files a crashed process left behind', async () => {
    await writeFile(join(dir, '.rigledger.json.4242.1.tmp'), 'half');
    await writeFile(join(dir, 'rigledger.json'), '{}');
    await removeLeftoverTempFiles(dir, 'rigledger.json');
    expect(await readdir(dir)).toEqual(['rigledger.json']);
  });
});
