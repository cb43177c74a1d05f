import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './database';
import { acquireLock, lockOwnerSchema, type LockOwner } from './lock';
import { isProcessAlive, parseProcStat, probeProcess, type ProcessProbe } from './process-probe';
import {
  holdStoreInChild,
  holdStoreUnreaped,
  makeTempDir,
  removeDir,
  startUnderNonReapingParent,
} from './test-fixtures/store-fixtures';

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
    expect(owner).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
      startedAt: '2026-11-24T17:05:00.000Z',
      command: 'rigledger serve',
    });
    if (process.platform === 'linux') expect(owner.processStart).toMatch(/^[0-9a-f-]+:\d+$/);
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

describe('taking over a lock whose holder is gone, a zombie or another program', () => {
  const linuxOnly = process.platform === 'linux' ? it : it.skip;

  function staleLock(pid: number, extra: Partial<LockOwner> = {}): Promise<void> {
    const owner: LockOwner = {
      pid,
      hostname: hostname(),
      startedAt: '2026-11-24T17:05:00.000Z',
      command: 'RigLedger desktop',
      processStart: 'boot-1:1000',
      ...extra,
    };
    return writeFile(join(dir, 'rigledger.lock'), JSON.stringify(owner));
  }

  async function takeOver(probe?: ProcessProbe): Promise<string[]> {
    const lines: string[] = [];
    const lock = await acquireLock(dir, { command: 'new owner', probe, log: (l) => lines.push(l) });
    expect(lock.owner.command).toBe('new owner');
    await lock.release();
    return lines;
  }

  it('reads the state and start time from /proc/<pid>/stat, whatever the command name holds', () => {
    const line =
      '4242 (rig ledger) (x)) Z 1 4242 4242 0 -1 4194304 98 0 0 0 0 0 0 0 20 0 1 0 128509 3133440';
    expect(parseProcStat(line)).toEqual({ state: 'Z', startTicks: '128509' });
    expect(parseProcStat('garbage')).toBeNull();
  });

  it('takes over from a zombie holder (the probe says Z)', async () => {
    await staleLock(4242);
    const lines = await takeOver(async () => ({ status: 'zombie' }));
    expect(lines).toEqual([
      expect.stringMatching(/left by process 4242 \("RigLedger desktop"\).*it is a zombie process/),
    ]);
  });

  it('takes over when the pid now runs another program that started at another time', async () => {
    await staleLock(4242, { processStart: 'boot-1:1000' });
    const probe: ProcessProbe = async (pid) =>
      pid === 4242
        ? { status: 'running', start: 'boot-1:98765', startedAtMs: null }
        : { status: 'running', start: 'boot-1:5', startedAtMs: null };
    const lines = await takeOver(probe);
    expect(lines[0]).toMatch(/process id now belongs to another program/);
  });

  it('takes over an older lock (no start id) whose pid started after the lock was taken', async () => {
    await staleLock(4242, { processStart: undefined, startedAt: '2026-11-24T17:05:00.000Z' });
    const probe: ProcessProbe = async () => ({
      status: 'running',
      start: null,
      startedAtMs: Date.parse('2026-11-25T09:00:00Z'),
    });
    expect((await takeOver(probe))[0]).toMatch(/started after the lock was taken/);
  });

  it('refuses, naming the holder, while the same run of the process still holds it', async () => {
    await staleLock(4242, { processStart: 'boot-1:1000' });
    const probe: ProcessProbe = async () => ({
      status: 'running',
      start: 'boot-1:1000',
      startedAtMs: null,
    });
    await expect(acquireLock(dir, { probe })).rejects.toThrow(
      `The RigLedger data folder ${dir} is already open in another RigLedger process 4242 ("RigLedger desktop") on ${hostname()}, running since 2026-11-24T17:05:00.000Z. Close that app or stop that server, then try again.`,
    );
  });

  linuxOnly('sees a real zombie as exited and a live process as running', async () => {
    // The child outlives the shell's last look at its jobs, then exits unreaped.
    const zombie = await startUnderNonReapingParent(['sleep', '0.3'], 'PID');
    try {
      await expect
        .poll(async () => (await probeProcess(zombie.pid)).status, { timeout: 10_000 })
        .toBe('zombie');
      expect(isProcessAlive(zombie.pid)).toBe(true); // why a bare "pid exists" check is not enough
      expect(await probeProcess(process.pid)).toMatchObject({ status: 'running' });
    } finally {
      zombie.cleanUp();
    }
  });

  linuxOnly('takes over from a RigLedger killed with kill -9 and not yet reaped', async () => {
    const held = await holdStoreUnreaped(dir, 'unreaped');
    try {
      process.kill(held.pid, 'SIGKILL');
      await expect
        .poll(async () => (await probeProcess(held.pid)).status, { timeout: 10_000 })
        .toBe('zombie');

      const lines: string[] = [];
      const store = await openStore({ dataDir: dir, log: (line) => lines.push(line) });
      expect(store.data.rigs.map((r) => r.name)).toEqual(['unreaped']);
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`left by process ${held.pid} \\("hold-store test fixture"\\).*zombie`),
        ),
      );
      await store.close();
    } finally {
      held.cleanUp();
    }
  });

  linuxOnly('takes over when the recorded pid was reused by another program', async () => {
    // A live process that is not RigLedger, under the pid a crashed RigLedger had.
    const other = await startUnderNonReapingParent(['sleep', '60'], 'PID');
    try {
      await staleLock(other.pid, { processStart: 'a-boot-long-ago:1' });
      expect(await probeProcess(other.pid)).toMatchObject({ status: 'running' });
      expect((await takeOver())[0]).toMatch(
        new RegExp(`process ${other.pid} .*now belongs to another program`),
      );
    } finally {
      process.kill(other.pid, 'SIGKILL');
      other.cleanUp();
    }
  });
});
