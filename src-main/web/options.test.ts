import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDataDir } from '#store/data-dir';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  hostWarning,
  loadOrCreateToken,
  parseServeOptions,
  ServeOptionsError,
  TOKEN_FILE_NAME,
  type ServeOptions,
} from './options';

function serveOptions(argv: string[], env: NodeJS.ProcessEnv = {}): ServeOptions {
  const command = parseServeOptions(argv, env);
  if (command.kind !== 'serve') throw new Error(`expected serve options, got ${command.kind}`);
  return command.options;
}

describe('parseServeOptions', () => {
  it('uses the documented defaults with no flags and no environment', () => {
    expect(serveOptions([])).toEqual({
      dataDir: defaultDataDir({}),
      port: DEFAULT_PORT,
      host: DEFAULT_HOST,
      token: null,
      offline: false,
      demo: false,
    });
  });

  it('reads every option from the environment', () => {
    const options = serveOptions([], {
      RIGLEDGER_DATA_DIR: '/srv/farm',
      RIGLEDGER_PORT: '0',
      RIGLEDGER_HOST: 'localhost',
      RIGLEDGER_TOKEN: 'a-long-enough-token-1234',
      RIGLEDGER_OFFLINE: '1',
      RIGLEDGER_DEMO: 'true',
    });
    expect(options).toEqual({
      dataDir: '/srv/farm',
      port: 0,
      host: 'localhost',
      token: 'a-long-enough-token-1234',
      offline: true,
      demo: true,
    });
  });

  it('lets a flag win over its environment variable, in both flag spellings', () => {
    const options = serveOptions(
      ['--data-dir', '/flag/dir', '--port=5000', '--host', '::1', '--offline', '--demo'],
      { RIGLEDGER_DATA_DIR: '/env/dir', RIGLEDGER_PORT: '6000', RIGLEDGER_OFFLINE: '0' },
    );
    expect(options).toMatchObject({
      dataDir: '/flag/dir',
      port: 5000,
      host: '::1',
      offline: true,
      demo: true,
    });
  });

  it('answers --help without reading anything else', () => {
    expect(parseServeOptions(['--help', '--port', 'nonsense'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port', 'eighty'], /--port must be a port number/],
    [['--port', '70000'], /--port must be a port number from 0 to 65535; got 70000/],
    [['--port', '-1'], /--port/],
    [['--token', 'short'], /--token must be at least 16 characters/],
    [['--data-dir', ''], /--data-dir needs a folder path/],
    [['--colour'], /Unknown option '--colour'.*--help/],
    [['stray'], /--help/],
  ])('refuses %j with a sentence', (argv, message) => {
    expect(() => parseServeOptions(argv, {})).toThrow(ServeOptionsError);
    expect(() => parseServeOptions(argv, {})).toThrow(message);
  });

  it('names the environment variable when its value is wrong', () => {
    expect(() => parseServeOptions([], { RIGLEDGER_PORT: 'abc' })).toThrow(/RIGLEDGER_PORT/);
    expect(() => parseServeOptions([], { RIGLEDGER_OFFLINE: 'maybe' })).toThrow(
      'RIGLEDGER_OFFLINE must be 1 (on) or 0 (off); got "maybe".',
    );
  });

  it('treats empty environment variables as unset', () => {
    expect(
      serveOptions([], { RIGLEDGER_PORT: '', RIGLEDGER_HOST: ' ', RIGLEDGER_DEMO: '' }),
    ).toMatchObject({
      port: DEFAULT_PORT,
      host: DEFAULT_HOST,
      demo: false,
    });
  });
});

describe('hostWarning', () => {
  it('is silent for loopback addresses and warns for any other', () => {
    expect(hostWarning('127.0.0.1')).toBeNull();
    expect(hostWarning('localhost')).toBeNull();
    expect(hostWarning('::1')).toBeNull();
    expect(hostWarning('0.0.0.0')).toMatch(/reachable from other machines/);
  });
});

describe('loadOrCreateToken', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'rigledger-token-')), 'farm');
  });
  afterEach(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('creates a 32-byte hex token readable only by its owner, then reuses it', async () => {
    const first = await loadOrCreateToken(dataDir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = join(dataDir, TOKEN_FILE_NAME);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateToken(dataDir)).toBe(first);
    expect((await readFile(file, 'utf8')).trim()).toBe(first);
  });

  it('replaces a token file that holds no valid token', async () => {
    await loadOrCreateToken(dataDir);
    await writeFile(join(dataDir, TOKEN_FILE_NAME), 'garbage');
    const token = await loadOrCreateToken(dataDir);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect((await readFile(join(dataDir, TOKEN_FILE_NAME), 'utf8')).trim()).toBe(token);
  });

  it('tightens a token file whose permissions were loosened', async () => {
    const token = await loadOrCreateToken(dataDir);
    const file = join(dataDir, TOKEN_FILE_NAME);
    await writeFile(file, `${token}\n`, { mode: 0o644 });
    await chmod(file, 0o644);
    expect(await loadOrCreateToken(dataDir)).toBe(token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
