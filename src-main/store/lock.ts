import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { isErrnoCode } from './durable-file';
import { LOCK_FILE } from './file-names';
import { StoreError } from './store-error';

// One RigLedger process per data folder: two writers would overwrite each other's
// changes. The lock file says who holds the folder, so the refusal can name it.

export const lockOwnerSchema = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  startedAt: z.string(),
  command: z.string(),
});
export type LockOwner = z.infer<typeof lockOwnerSchema>;

export interface DataDirLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

export interface AcquireLockOptions {
  /** What the lock names as the holder, e.g. "rigledger serve --port 4820". */
  command?: string;
  now?: () => Date;
  /** Told when a lock left by a dead process is taken over. */
  log?: (line: string) => void;
}

/**
 * The program and script, without arguments: the lock file is readable by others and
 * arguments can carry secrets (`--token`). Hosts pass a clearer `command` of their own.
 */
export function defaultCommand(): string {
  const script = process.argv[1];
  return [basename(process.argv0), script === undefined ? '' : basename(script)].join(' ').trim();
}

/** True when a process with this pid runs on this machine. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return isErrnoCode(error, 'EPERM');
  }
}

async function readOwner(path: string): Promise<LockOwner | null | 'missing'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return 'missing';
    throw error;
  }
  try {
    const parsed = lockOwnerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function describeOwner(owner: LockOwner): string {
  return `process ${owner.pid} ("${owner.command}") on ${owner.hostname}, running since ${owner.startedAt}`;
}

function lockedError(dataDir: string, owner: LockOwner): StoreError {
  return new StoreError(
    'locked',
    `The RigLedger data folder ${dataDir} is already open in another RigLedger ` +
      `${describeOwner(owner)}. Close that app or stop that server, then try again.`,
    owner,
  );
}

/**
 * Creates `rigledger.lock` in the data folder. The file is written under a private
 * name first and then hard-linked into place, so it appears complete or not at all
 * and two processes can never both create it.
 */
export async function acquireLock(
  dataDir: string,
  options: AcquireLockOptions = {},
): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    command: options.command ?? defaultCommand(),
  };
  const ownText = `${JSON.stringify(owner, null, 2)}\n`;
  const privatePath = `${path}.${process.pid}.${Date.now()}.new`;
  await writeFile(privatePath, ownText, { mode: 0o644 });
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await link(privatePath, path);
        return lockHandle(path, owner, ownText);
      } catch (error) {
        if (!isErrnoCode(error, 'EEXIST')) throw error;
      }
      const holder = await readOwner(path);
      if (holder === 'missing') continue; // released between our link and our read
      if (holder !== null) {
        const sameHost = holder.hostname === owner.hostname;
        if (!sameHost || isProcessAlive(holder.pid)) throw lockedError(dataDir, holder);
        options.log?.(
          `Taking over the data folder lock left by ${describeOwner(holder)}, which is no longer running.`,
        );
      } else {
        options.log?.('Replacing an unreadable data folder lock file.');
      }
      await unlink(path).catch((error: unknown) => {
        if (!isErrnoCode(error, 'ENOENT')) throw error;
      });
    }
    const holder = await readOwner(path);
    throw holder !== null && holder !== 'missing'
      ? lockedError(dataDir, holder)
      : new StoreError('locked', `Could not lock the RigLedger data folder ${dataDir}. Try again.`);
  } finally {
    await unlink(privatePath).catch(() => undefined);
  }
}

function lockHandle(path: string, owner: LockOwner, ownText: string): DataDirLock {
  let released = false;
  return {
    path,
    owner,
    async release() {
      if (released) return;
      released = true;
      // Only remove the file if it is still ours (it could have been taken over).
      const text = await readFile(path, 'utf8').catch(() => null);
      if (text === ownText) await unlink(path).catch(() => undefined);
    },
  };
}
