import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { isErrnoCode } from './durable-file';
import { LOCK_FILE } from './file-names';
import { ownProcessStart, probeProcess, type ProcessProbe } from './process-probe';
import { StoreError } from './store-error';

// One RigLedger process per data folder: two writers would overwrite each other's
// changes. The lock file says who holds the folder, so the refusal can name it, and
// when that process started, so a lock whose holder is gone, a zombie or a pid now used
// by another program is taken over instead of refusing every restart.

export const lockOwnerSchema = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  startedAt: z.string(),
  command: z.string(),
  /** The holder's run of its pid (boot id and start ticks, see process-probe.ts); absent in older locks. */
  processStart: z.string().optional(),
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
  /** How a holder's process is looked at; tests inject one. */
  probe?: ProcessProbe;
}

/**
 * The program and script, without arguments: the lock file is readable by others and
 * arguments can carry secrets (`--token`). Hosts pass a clearer `command` of their own.
 */
export function defaultCommand(): string {
  const script = process.argv[1];
  return [basename(process.argv0), script === undefined ? '' : basename(script)].join(' ').trim();
}

interface LockFileContent {
  text: string;
  /** Null when the file is not a lock we can read. */
  owner: LockOwner | null;
}

async function readLockFile(path: string): Promise<LockFileContent | 'missing'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return 'missing';
    throw error;
  }
  try {
    const parsed = lockOwnerSchema.safeParse(JSON.parse(text));
    return { text, owner: parsed.success ? parsed.data : null };
  } catch {
    return { text, owner: null };
  }
}

/**
 * Removes the stale lock only if it is still the file we judged: it is renamed to a
 * private name first (one process wins a rename), and a lock that turns out to be
 * someone else's fresh one is put back.
 */
async function removeStaleLock(path: string, judged: string): Promise<void> {
  const claimed = `${path}.${process.pid}.${Date.now()}.stale`;
  try {
    await rename(path, claimed);
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return; // someone else removed it first
    throw error;
  }
  const text = await readFile(claimed, 'utf8').catch(() => null);
  if (text !== judged) await link(claimed, path).catch(() => undefined);
  await unlink(claimed).catch(() => undefined);
}

function describeOwner(owner: LockOwner): string {
  return `process ${owner.pid} ("${owner.command}") on ${owner.hostname}, running since ${owner.startedAt}`;
}

/** Older locks carry no start id: a pid that started well after the lock was taken was reused. */
const REUSED_PID_SLACK_MS = 60_000;

/** Why the holder no longer holds the folder, or null when it may still (refuse then). */
async function whyStale(
  holder: LockOwner,
  ours: LockOwner,
  probe: ProcessProbe,
): Promise<string | null> {
  // Another machine's processes cannot be looked at from here.
  if (holder.hostname !== ours.hostname) return null;
  const state = await probe(holder.pid);
  if (state.status === 'gone') return 'which is no longer running';
  if (state.status === 'zombie') return 'which has exited (it is a zombie process)';
  if (holder.processStart !== undefined) {
    if (state.start === null || state.start === holder.processStart) return null;
    return `whose process id now belongs to another program (started at another time)`;
  }
  const lockedAt = Date.parse(holder.startedAt);
  if (state.startedAtMs !== null && state.startedAtMs > lockedAt + REUSED_PID_SLACK_MS) {
    return `whose process id now belongs to another program (started after the lock was taken)`;
  }
  return null;
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
  const probe = options.probe ?? probeProcess;
  const processStart = await ownProcessStart(probe);
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    command: options.command ?? defaultCommand(),
    ...(processStart === null ? {} : { processStart }),
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
      const found = await readLockFile(path);
      if (found === 'missing') continue; // released between our link and our read
      const holder = found.owner;
      if (holder !== null) {
        const stale = await whyStale(holder, owner, probe);
        if (stale === null) throw lockedError(dataDir, holder);
        options.log?.(
          `Taking over the data folder lock left by ${describeOwner(holder)}, ${stale}.`,
        );
      } else {
        options.log?.('Replacing an unreadable data folder lock file.');
      }
      await removeStaleLock(path, found.text);
    }
    const found = await readLockFile(path);
    throw found !== 'missing' && found.owner !== null
      ? lockedError(dataDir, found.owner)
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
