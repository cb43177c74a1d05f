import { open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { fileTimestamp } from './file-names';

// lowdb's own TextFile adapter renames a temp file over the target but never fsyncs,
// so a power cut can leave an empty or half-written rigledger.json. This adapter
// fsyncs the data and the folder entry, so a write that resolved is on disk.

const TEMP_SUFFIX = '.tmp';
let tempCounter = 0;

function tempPathFor(path: string): string {
  tempCounter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter}${TEMP_SUFFIX}`);
}

/** Makes the folder's entry for a renamed file durable. */
async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temp file in the same folder → fsync → rename over the target → fsync the folder. */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const tempPath = tempPathFor(path);
  const handle = await open(tempPath, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(tempPath, path);
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/** The file's text, or null when there is no such file. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return null;
    throw error;
  }
}

/** Temp files left by a process that died mid-write; they never replaced the target. */
export async function removeLeftoverTempFiles(folder: string, fileName: string): Promise<void> {
  const prefix = `.${fileName}.`;
  for (const entry of await readdir(folder)) {
    if (entry.startsWith(prefix) && entry.endsWith(TEMP_SUFFIX)) {
      await unlink(join(folder, entry)).catch(() => undefined);
    }
  }
}

/**
 * Renames a file that cannot be used to `<stem>.corrupt-<time>.json` beside it, keeping
 * its bytes for the operator (or support) to look at. Returns the new path.
 */
export async function moveAside(path: string, at: Date): Promise<string> {
  const stem = basename(path).replace(/\.json$/, '');
  const base = join(dirname(path), `${stem}.corrupt-${fileTimestamp(at)}`);
  for (let attempt = 0; ; attempt += 1) {
    const target = attempt === 0 ? `${base}.json` : `${base}-${attempt}.json`;
    if ((await readTextIfExists(target)) !== null) continue;
    await rename(path, target);
    await syncFolder(dirname(path));
    return target;
  }
}

export function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/** Why a document file could not be turned into JSON. */
export class UnreadableFileError extends Error {
  readonly reason: 'empty' | 'not-json';
  constructor(path: string, reason: 'empty' | 'not-json', cause?: unknown) {
    super(
      reason === 'empty'
        ? `${basename(path)} is empty.`
        : `${basename(path)} is not valid JSON (it may have been cut off by a crash or edited by hand).`,
      { cause },
    );
    this.name = 'UnreadableFileError';
    this.reason = reason;
  }
}

/** Text → JSON value; an empty or unparsable file throws UnreadableFileError. */
export function parseJsonText(path: string, text: string): unknown {
  if (text.trim() === '') throw new UnreadableFileError(path, 'empty');
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch (error) {
    throw new UnreadableFileError(path, 'not-json', error);
  }
}

export interface DurableJsonFile<T> extends Adapter<T> {
  readonly path: string;
  /** Raw text (null when missing), for callers that keep the original bytes. */
  readText(): Promise<string | null>;
  /** Resolves once every write queued so far is on disk. */
  settled(): Promise<void>;
}

export interface DurableJsonFileOptions<T> {
  /** Turns parsed JSON into a T (migrate + validate); throws when it cannot. */
  decode: (json: unknown) => T;
  /** Pretty-print (small documents a person may open) or compact (large series). */
  indent?: number;
  /** The document's text, when it is written some other way than JSON.stringify. */
  encode?: (data: T) => string;
}

interface QueuedWrite {
  text: string;
  done: Promise<void>;
}

/**
 * A lowdb adapter over one JSON document. Writes run one at a time, in call order; a
 * write requested while another is on disk and a third is waiting replaces the waiting
 * one (the document is whole, so the newest state is all that needs writing): the
 * last write wins and both callers resolve once it is durable.
 */
export function durableJsonFile<T>(
  path: string,
  options: DurableJsonFileOptions<T>,
): DurableJsonFile<T> {
  let tail: Promise<void> = Promise.resolve();
  let waiting: QueuedWrite | null = null;

  return {
    path,
    readText: () => readTextIfExists(path),
    async read() {
      const text = await readTextIfExists(path);
      if (text === null) return null;
      return options.decode(parseJsonText(path, text));
    },
    write(data: T) {
      // Serialise now: the caller may change its object after this returns.
      const text = options.encode
        ? options.encode(data)
        : `${JSON.stringify(data, null, options.indent)}\n`;
      if (waiting !== null) {
        waiting.text = text;
        return waiting.done;
      }
      const job: QueuedWrite = { text, done: Promise.resolve() };
      waiting = job;
      job.done = tail
        .catch(() => undefined)
        .then(() => {
          if (waiting === job) waiting = null;
          return writeFileDurably(path, job.text);
        });
      tail = job.done;
      return job.done;
    },
    settled: () => tail.catch(() => undefined),
  };
}
