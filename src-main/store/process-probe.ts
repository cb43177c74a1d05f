import { readFile } from 'node:fs/promises';
import { isErrnoCode } from './durable-file';

// Whether the process named in a lock file still holds the data folder. A pid that
// exists is not enough: a process killed with kill -9 stays a zombie until its parent
// reaps it, and after a restart its pid may belong to some other program. On Linux,
// /proc/<pid>/stat gives the state (Z = zombie) and the start time in clock ticks since
// boot; a lock records its holder's start, so a pid reused later does not match.

export type ProcessState =
  | { status: 'gone' }
  | { status: 'zombie' }
  /** `start` identifies this run of the pid (boot + start ticks); null where unknown. */
  | { status: 'running'; start: string | null; startedAtMs: number | null };

export type ProcessProbe = (pid: number) => Promise<ProcessState>;

/** Clock ticks per second of /proc times: USER_HZ, 100 on every Linux architecture Node runs on. */
const USER_HZ = 100;

interface StatFields {
  state: string;
  startTicks: string;
}

/** Fields after the command name, which is in parentheses and may itself hold spaces or ')'. */
export function parseProcStat(text: string): StatFields | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  // man 5 proc: field 3 is the state, field 22 the start time (fields 1–2 precede the ')').
  const state = fields[0];
  const startTicks = fields[19];
  if (state === undefined || startTicks === undefined || !/^\d+$/.test(startTicks)) return null;
  return { state, startTicks };
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT') || isErrnoCode(error, 'ESRCH')) return null;
    throw error;
  }
}

let bootInfo: Promise<{ id: string; btimeS: number | null } | null> | null = null;

function boot(): Promise<{ id: string; btimeS: number | null } | null> {
  bootInfo ??= (async () => {
    const id = (await readIfExists('/proc/sys/kernel/random/boot_id'))?.trim();
    if (id === undefined || id === '') return null;
    const btime = /^btime (\d+)$/m.exec((await readIfExists('/proc/stat')) ?? '');
    return { id, btimeS: btime === null ? null : Number(btime[1]) };
  })().catch(() => null);
  return bootInfo;
}

/** True when a process with this pid exists on this machine (zombies included). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return isErrnoCode(error, 'EPERM');
  }
}

/** The state of a local process: /proc on Linux, else only whether the pid exists. */
export async function probeProcess(pid: number): Promise<ProcessState> {
  if (!Number.isInteger(pid) || pid <= 0) return { status: 'gone' };
  const bootNow = process.platform === 'linux' ? await boot() : null;
  if (bootNow === null) {
    return isProcessAlive(pid)
      ? { status: 'running', start: null, startedAtMs: null }
      : { status: 'gone' };
  }
  const text = await readIfExists(`/proc/${pid}/stat`).catch(() => null);
  if (text === null) return { status: 'gone' };
  const stat = parseProcStat(text);
  if (stat === null) return { status: 'running', start: null, startedAtMs: null };
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return { status: 'zombie' };
  const startedAtMs =
    bootNow.btimeS === null ? null : (bootNow.btimeS + Number(stat.startTicks) / USER_HZ) * 1000;
  return { status: 'running', start: `${bootNow.id}:${stat.startTicks}`, startedAtMs };
}

/** This process's start, as probeProcess reports it (null where it cannot be known). */
export async function ownProcessStart(probe: ProcessProbe = probeProcess): Promise<string | null> {
  const self = await probe(process.pid);
  return self.status === 'running' ? self.start : null;
}
