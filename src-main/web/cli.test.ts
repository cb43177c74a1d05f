import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The `serve` entry as an operator runs it: a real child process on a free port.

const CLI = join(import.meta.dirname, 'cli.ts');

interface RunningCli {
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the printed URL once the server accepts requests. */
  listening: Promise<string>;
  exited: Promise<number | null>;
  pid: number | undefined;
  kill(signal: NodeJS.Signals): void;
}

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): RunningCli {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: {
      ...process.env,
      RIGLEDGER_TOKEN: '',
      RIGLEDGER_PORT: '',
      RIGLEDGER_DATA_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /RigLedger listening on (\S+)\n/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  // A run that is expected to fail never listens; that is not an unhandled failure.
  listening.catch(() => undefined);
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    listening,
    exited,
    pid: child.pid,
    kill: (signal) => child.kill(signal),
  };
}

// Each run compiles the service through tsx on start, which takes seconds on a busy machine.
describe('npm run serve', { timeout: 60_000 }, () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rigledger-cli-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('prints exactly one line with the real port and token, answers, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(root, 'farm');
    const cli = runCli(['--data-dir', dataDir, '--port', '0', '--offline']);
    const url = new URL(await cli.listening);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBeGreaterThan(0);
    const token = url.searchParams.get('token') ?? '';
    expect(token).toMatch(/^[0-9a-f]{64}$/);

    const response = await fetch(`${url.origin}/api/rpc/rigs.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(response.status).toBe(200);

    cli.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(
      cli
        .stdout()
        .split('\n')
        .filter((line) => line !== ''),
    ).toHaveLength(1);
    expect(existsSync(join(dataDir, 'rigledger.lock'))).toBe(false);
  });

  it('refuses a data folder another server has open with a sentence naming that server, exit code 1', async () => {
    const dataDir = join(root, 'farm');
    const first = runCli(['--data-dir', dataDir, '--port', '0', '--offline']);
    await first.listening;
    try {
      const second = runCli(['--data-dir', dataDir, '--port', '0', '--offline']);
      expect(await second.exited).toBe(1);
      expect(second.stderr()).toMatch(/already open in another RigLedger/);
      // The operator learns which process to stop: the first server's pid and folder.
      expect(second.stderr()).toContain(`process ${first.pid}`);
      expect(second.stderr()).toContain(dataDir);
      expect(second.stdout()).toBe('');
      // The first server is untouched and still answers.
      const url = new URL(await first.listening);
      const response = await fetch(`${url.origin}/api/rpc/rigs.list`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${url.searchParams.get('token') ?? ''}` },
        body: '{}',
      });
      expect(response.status).toBe(200);
    } finally {
      first.kill('SIGINT');
      expect(await first.exited).toBe(0);
    }
  });

  it('exits with code 2 and says what is wrong for a bad option', async () => {
    const cli = runCli(['--port', 'eighty', '--data-dir', join(root, 'farm')]);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toMatch(/--port must be a port number/);
  });
});
