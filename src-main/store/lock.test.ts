import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './database';
import { acquireLock, isProcessAlive, lockOwnerSchema, type LockOwner } from './lock';
import { holdStoreInChild, makeTempDir, removeDir } from './test-fixtures/store-fixtures';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});

afterEach(async () => {
  await removeDir(dir);
});

/** A pid no process on this machine has: the child we just reaped. */
async function deadPid(): Promise<number> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined || isProcessAlive(child.pid))
    throw new Error('could not get a dead pid');
  return child.pid;
}

describe('the data-folder lock', () => {
  it('records who holds the folder', async () => {
    const lock = await acquireLock(dir, {
      command: 'rigledger serve',
      now: () => new Date('2026-11-24T17:05:00Z'),
    });
    const owner = lockOwnerSchema.parse(
      JSON.parse(await readFile(join(dir, 'rigledger.lock'), 'utf8')),
    );
    expect(owner).toEqual({
      pid: process.pid,
      hostname: hostname(),
      startedAt: '2026-11-24T17:05:00.000Z',
      command: 'rigledger serve',
    });
    await lock.release();
    await expect(readFile(join(dir, 'rigledger.lock'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('refuses a second open in the same process, naming the holder', async () => {
    const store = await openStore({
      dataDir: dir,
      command: 'RigLedger desktop',
      log: () => undefined,
    });
    try {
      await expect(openStore({ dataDir: dir, log: () => undefined })).rejects.toThrow(
        new RegExp(
          `already open in another RigLedger process ${process.pid} \\("RigLedger desktop"\\)`,
        ),
      );
    } finally {
      await store.close();
    }
    // Released on close: the folder opens again.
    const again = await openStore({ dataDir: dir, log: () => undefined });
    await again.close();
  });

  it('refuses a folder another process holds, then takes it over once that process is killed', async () => {
    const held = await holdStoreInChild(dir, 'held');
    try {
      const refusal = openStore({ dataDir: dir, log: () => undefined });
      await expect(refusal).rejects.toMatchObject({ code: 'locked' });
      await expect(refusal).rejects.toThrow(
        new RegExp(
          `process ${held.pid} \\("hold-store test fixture"\\) on .*, running since \\d{4}-`,
        ),
      );
    } finally {
      await held.kill();
    }

    const lines: string[] = [];
    const store = await openStore({ dataDir: dir, log: (line) => lines.push(line) });
    expect(store.data.rigs.map((r) => r.name)).toEqual(['held']);
    expect(lines.some((line) => line.includes(`left by process ${held.pid}`))).toBe(true);
    await store.close();
  });

  it('takes over a lock left by a dead process on this machine', async () => {
    const stale: LockOwner = {
      pid: await deadPid(),
      hostname: hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      command: 'crashed',
    };
    await writeFile(join(dir, 'rigledger.lock'), JSON.stringify(stale));

    const lock = await acquireLock(dir, { command: 'new owner' });
    expect(lock.owner.pid).toBe(process.pid);
    const onDisk = lockOwnerSchema.parse(
      JSON.parse(await readFile(join(dir, 'rigledger.lock'), 'utf8')),
    );
    expect(onDisk.command).toBe('new owner');
    await lock.release();
  });

  it('does not take over a lock held from another machine', async () => {
    const remote: LockOwner = {
      pid: await deadPid(),
      hostname: 'rack-controller-2',
      startedAt: '2026-01-01T00:00:00.000Z',
      command: 'rigledger serve',
    };
    await writeFile(join(dir, 'rigledger.lock'), JSON.stringify(remote));
    await expect(acquireLock(dir)).rejects.toThrow(
      /on rack-controller-2, running since 2026-01-01/,
    );
  });

  it('leaves a lock alone on release when another process has taken it over', async () => {
    const lock = await acquireLock(dir, { command: 'first' });
    const other = JSON.stringify({
      pid: 1,
      hostname: hostname(),
      startedAt: 'x',
      command: 'other',
    });
    await writeFile(join(dir, 'rigledger.lock'), other);
    await lock.release();
    expect(await readFile(join(dir, 'rigledger.lock'), 'utf8')).toBe(other);
  });
});
