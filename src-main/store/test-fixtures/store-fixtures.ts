import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Helpers shared by the store tests: temp data folders, a fake clock, sample records
// and a child process holding the store open.

export { sampleRig } from './sample-rig';

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'rigledger-store-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A clock that moves only when told to. */
export function fakeClock(start = '2026-11-24T17:05:00Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(iso: string) {
      t = new Date(iso).getTime();
    },
  };
}

const HOLD_STORE = fileURLToPath(new URL('./hold-store.ts', import.meta.url));

export interface HeldStore {
  child: ChildProcess;
  pid: number;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

/** Starts a process that opens the store, adds a rig, and waits; resolves on its ACK. */
export function holdStoreInChild(dataDir: string, rigName: string): Promise<HeldStore> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLD_STORE, dataDir, rigName], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ACK') && child.pid !== undefined) {
        resolve({
          child,
          pid: child.pid,
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`the store child exited (${code}) before ACK: ${stderr}`)),
    );
  });
}

export interface ZombieMaker {
  /** The process whose parent never reaps it: kill it and it stays a zombie. */
  pid: number;
  /** Ends the parent too, so the zombie is reaped by init. */
  cleanUp(): void;
}

/**
 * Runs `command` under a parent that never waits for its children (sh exec'ing into
 * sleep), as a process killed with kill -9 is left before anything reaps it. Linux only.
 */
export function startUnderNonReapingParent(
  command: string[],
  readyText: string,
): Promise<ZombieMaker> {
  const quoted = command.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  const parent = spawn('sh', ['-c', `${quoted} & echo "PID $!"; exec sleep 120`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    parent.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    parent.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const pid = /PID (\d+)/.exec(stdout)?.[1];
      if (pid !== undefined && stdout.includes(readyText)) {
        resolve({ pid: Number(pid), cleanUp: () => void parent.kill('SIGKILL') });
      }
    });
    parent.once('exit', (code) => reject(new Error(`the parent exited (${code}): ${stderr}`)));
  });
}

/** The store-holding child of holdStoreInChild, under a parent that never reaps it. */
export function holdStoreUnreaped(dataDir: string, rigName: string): Promise<ZombieMaker> {
  return startUnderNonReapingParent(
    [process.execPath, '--import', 'tsx', HOLD_STORE, dataDir, rigName],
    'ACK',
  );
}

export interface ChildOutcome {
  /** First line the child printed: ACK, or REFUSED <code>: <message>. */
  line: string;
  pid: number;
  kill(): Promise<void>;
}

/**
 * Runs the bundled hold-store child (see bundle-child.ts) and resolves on its first
 * line; `uid` runs it as another user (only root may ask for that).
 */
export function runHoldStore(
  bundle: string,
  dataDir: string,
  rigName: string,
  uid?: number,
): Promise<ChildOutcome> {
  const child = spawn(process.execPath, [bundle, dataDir, rigName], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0 && child.pid !== undefined) {
        resolve({
          line: stdout.slice(0, newline),
          pid: child.pid,
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.once('close', (code) => reject(new Error(`the child exited (${code}): ${stderr}`)));
  });
}
