import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '#store/data-dir';
import { describeError } from '#shared/describe-error';

// The options of `npm run serve` (docs/architecture.md "The two hosts"), each a flag or an environment variable.
// A flag wins over its variable; a bad value is a ServeOptionsError (the CLI exits 2).

export const DEFAULT_PORT = 4820;
export const DEFAULT_HOST = '127.0.0.1';
export const TOKEN_FILE_NAME = 'web-token';
const MIN_TOKEN_LENGTH = 16;

export interface ServeOptions {
  dataDir: string;
  port: number;
  host: string;
  /** The token given on the command line or in the environment; null = use the token file. */
  token: string | null;
  offline: boolean;
  demo: boolean;
}

export type ParsedServeCommand = { kind: 'help' } | { kind: 'serve'; options: ServeOptions };

export class ServeOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServeOptionsError';
  }
}

export const SERVE_USAGE = `Usage: npm run serve -- [options]

Serves the RigLedger dashboard to a browser on this machine.

Options (each also as an environment variable):
  --data-dir DIR   RIGLEDGER_DATA_DIR   folder holding the farm (default: the desktop app's folder)
  --port N         RIGLEDGER_PORT       port to listen on, 0 = any free port (default: ${DEFAULT_PORT})
  --host H         RIGLEDGER_HOST       address to listen on (default: ${DEFAULT_HOST})
  --token T        RIGLEDGER_TOKEN      access token (default: a random token kept in the data dir)
  --offline        RIGLEDGER_OFFLINE=1  make no network request of any kind
  --demo           RIGLEDGER_DEMO=1     seed a demo farm when the database is empty
  --help                                show this text
`;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

function parsePort(text: string, origin: string): number {
  if (!/^\d{1,5}$/.test(text.trim())) {
    throw new ServeOptionsError(
      `${origin} must be a port number from 0 to 65535 (0 picks any free port); got "${text}".`,
    );
  }
  const port = Number(text.trim());
  if (port > 65_535) {
    throw new ServeOptionsError(`${origin} must be a port number from 0 to 65535; got ${port}.`);
  }
  return port;
}

function parseSwitch(text: string, name: string): boolean {
  const value = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['', '0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ServeOptionsError(`${name} must be 1 (on) or 0 (off); got "${text}".`);
}

function checkToken(token: string, origin: string): string {
  if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
    throw new ServeOptionsError(
      `${origin} must be at least ${MIN_TOKEN_LENGTH} characters without spaces, so it cannot be guessed.`,
    );
  }
  return token;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function parseServeOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedServeCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        offline: { type: 'boolean' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const reason = describeError(error);
    throw new ServeOptionsError(
      `${reason.replace(/\.?$/, '.')} Run with --help to see the options.`,
    );
  }
  const flags = parsed.values;
  if (flags.help === true) return { kind: 'help' };

  const dataDirFlag = flags['data-dir'];
  if (dataDirFlag !== undefined && dataDirFlag.trim() === '') {
    throw new ServeOptionsError('--data-dir needs a folder path.');
  }
  const dataDir = nonEmpty(dataDirFlag) ?? nonEmpty(env.RIGLEDGER_DATA_DIR) ?? defaultDataDir(env);

  const portText = flags.port ?? nonEmpty(env.RIGLEDGER_PORT);
  const port =
    portText === undefined
      ? DEFAULT_PORT
      : parsePort(portText, flags.port !== undefined ? '--port' : 'RIGLEDGER_PORT');

  const hostFlag = flags.host;
  if (hostFlag !== undefined && hostFlag.trim() === '') {
    throw new ServeOptionsError('--host needs an address such as 127.0.0.1.');
  }
  const host = nonEmpty(hostFlag) ?? nonEmpty(env.RIGLEDGER_HOST) ?? DEFAULT_HOST;

  const tokenFlag = flags.token;
  const envToken = nonEmpty(env.RIGLEDGER_TOKEN);
  const token =
    tokenFlag !== undefined
      ? checkToken(tokenFlag, '--token')
      : envToken !== undefined
        ? checkToken(envToken, 'RIGLEDGER_TOKEN')
        : null;

  const offline =
    flags.offline === true ||
    (env.RIGLEDGER_OFFLINE !== undefined &&
      parseSwitch(env.RIGLEDGER_OFFLINE, 'RIGLEDGER_OFFLINE'));
  const demo =
    flags.demo === true ||
    (env.RIGLEDGER_DEMO !== undefined && parseSwitch(env.RIGLEDGER_DEMO, 'RIGLEDGER_DEMO'));

  return { kind: 'serve', options: { dataDir, port, host, token, offline, demo } };
}

/** A warning to print when the host is reachable from other machines, or null. */
export function hostWarning(host: string): string | null {
  if (isLoopbackHost(host)) return null;
  return (
    `Warning: listening on ${host} makes the dashboard reachable from other machines. ` +
    'Anyone with the token can change the farm; prefer 127.0.0.1 and an SSH tunnel.'
  );
}

const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

/**
 * The web token kept in `<dataDir>/web-token` (mode 0600): created once with 32 random
 * bytes, then reused so a bookmarked URL keeps working across restarts.
 */
export async function loadOrCreateToken(dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, TOKEN_FILE_NAME);
  const existing = await readTokenFile(file);
  if (existing !== null) {
    // Tighten a file someone loosened: the token is as good as a password.
    await chmod(file, 0o600);
    return existing;
  }
  const token = randomBytes(32).toString('hex');
  try {
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
    return token;
  } catch (error) {
    if (!isErrnoCode(error, 'EEXIST')) throw error;
  }
  // Another process created the file in between, or the file held no valid token:
  // read what is there, and replace it only when it is unusable.
  const raced = await readTokenFile(file);
  if (raced !== null) return raced;
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return token;
}

async function readTokenFile(file: string): Promise<string | null> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return TOKEN_PATTERN.test(text) ? text : null;
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return null;
    throw error;
  }
}

function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
