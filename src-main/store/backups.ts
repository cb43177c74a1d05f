import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeDatabase } from './documents';
import { parseJsonText, readTextIfExists, writeFileDurably } from './durable-file';
import { BACKUP_FOLDER, fileTimestamp, parseFileTimestamp } from './file-names';
import type { Database } from './schema';
import { StoreError } from './store-error';
import { describeError } from '#shared/describe-error';

// Rotating copies of rigledger.json in <dataDir>/backups/, named by when they were
// taken (rigledger-2026-11-24T17-05-00Z.json; a second one in the same second gets -1).

export const KEEP_LATEST = 10;
export const KEEP_DAILY_DAYS = 30;
const DAY_MS = 86_400_000;

export interface BackupEntry {
  name: string;
  /** ISO date-time the backup was taken (from its name). */
  createdAt: string;
  sizeBytes: number;
}

export interface LoadedBackup {
  entry: BackupEntry;
  database: Database;
}

export interface Backups {
  readonly folder: string;
  /** Newest first. */
  list(): Promise<BackupEntry[]>;
  /** Backs up the current state now. */
  create(): Promise<BackupEntry>;
  /** Backs up the current state when the newest backup is a day old or more. */
  createIfDue(now: Date): Promise<BackupEntry | null>;
  /** Validates the backup, then replaces the current state with it (which backs that up first). */
  restore(name: string): Promise<BackupEntry>;
  /** The newest backup that migrates and validates, or null. */
  loadNewestValid(): Promise<LoadedBackup | null>;
}

export interface BackupsOptions {
  dataDir: string;
  now: () => Date;
  /** The state create() saves. */
  current: () => Database;
  /** How restore() swaps a backup in. */
  replace: (next: Database) => Promise<void>;
  log: (line: string) => void;
}

export interface BackupsInternal extends Backups {
  /** Saves exact file bytes (the file as found on open, before anything changes it). */
  saveText(text: string, at: Date): Promise<BackupEntry>;
}

const BACKUP_NAME = /^rigledger-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)(?:-(\d+))?\.json$/;

interface ParsedName {
  name: string;
  at: Date;
  sequence: number;
}

function parseBackupName(name: string): ParsedName | null {
  const match = BACKUP_NAME.exec(name);
  const at = match?.[1] === undefined ? null : parseFileTimestamp(match[1]);
  if (match === null || at === null) return null;
  return { name, at, sequence: Number(match[2] ?? '0') };
}

function newestFirst(a: ParsedName, b: ParsedName): number {
  return b.at.getTime() - a.at.getTime() || b.sequence - a.sequence;
}

/**
 * Which backups rotation keeps: the newest KEEP_LATEST, plus the newest of each UTC
 * day for the KEEP_DAILY_DAYS days ending today. `sorted` is newest first.
 */
export function backupsToKeep(sorted: readonly ParsedName[], now: Date): Set<string> {
  const keep = new Set(sorted.slice(0, KEEP_LATEST).map((b) => b.name));
  const today = Math.floor(now.getTime() / DAY_MS);
  const seenDays = new Set<number>();
  for (const backup of sorted) {
    const day = Math.floor(backup.at.getTime() / DAY_MS);
    if (today - day >= KEEP_DAILY_DAYS || seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(backup.name);
  }
  return keep;
}

/** Rigs, loans, positions or realised PnL entries: what an operator would call their farm. */
export function holdsRecords(database: Database): boolean {
  return (
    database.rigs.length +
      database.loans.length +
      database.positions.length +
      database.realisedPnl.length >
    0
  );
}

function textHoldsRecords(text: string): boolean {
  try {
    return holdsRecords(decodeDatabase(JSON.parse(text)).document);
  } catch {
    return false;
  }
}

export function createBackups(options: BackupsOptions): BackupsInternal {
  const folder = join(options.dataDir, BACKUP_FOLDER);

  async function parsedNames(): Promise<ParsedName[]> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return [];
    }
    return names.flatMap((name) => parseBackupName(name) ?? []).sort(newestFirst);
  }

  async function entryFor(parsed: ParsedName): Promise<BackupEntry | null> {
    try {
      const { size } = await stat(join(folder, parsed.name));
      return { name: parsed.name, createdAt: parsed.at.toISOString(), sizeBytes: size };
    } catch {
      return null; // removed since we listed the folder
    }
  }

  async function list(): Promise<BackupEntry[]> {
    const entries = await Promise.all((await parsedNames()).map(entryFor));
    return entries.filter((entry) => entry !== null);
  }

  /** The newest backup that validates and holds records, or null. */
  async function newestHoldingRecords(sorted: readonly ParsedName[]): Promise<string | null> {
    for (const backup of sorted) {
      const database = await readBackup(backup.name).catch(() => null);
      if (database !== null && holdsRecords(database)) return backup.name;
    }
    return null;
  }

  /** `newestText` is the backup just taken: the current state. */
  async function prune(now: Date, newestText: string): Promise<void> {
    const sorted = await parsedNames();
    const keep = backupsToKeep(sorted, now);
    const doomed = sorted.filter((backup) => !keep.has(backup.name));
    if (doomed.length === 0) return;
    // An empty-looking farm (a lost or emptied file) must not rotate the real farm away,
    // however often it restarts: its newest backup with records is kept.
    if (!textHoldsRecords(newestText)) {
      const farm = await newestHoldingRecords(sorted);
      if (farm !== null) keep.add(farm);
    }
    for (const backup of doomed) {
      if (keep.has(backup.name)) continue;
      await unlink(join(folder, backup.name)).catch((error: unknown) => {
        options.log(`Could not remove the old backup ${backup.name}: ${describeError(error)}`);
      });
    }
  }

  async function saveText(text: string, at: Date): Promise<BackupEntry> {
    await mkdir(folder, { recursive: true });
    const stem = `rigledger-${fileTimestamp(at)}`;
    let name = `${stem}.json`;
    for (let n = 1; (await readTextIfExists(join(folder, name))) !== null; n += 1) {
      name = `${stem}-${n}.json`;
    }
    await writeFileDurably(join(folder, name), text);
    await prune(at, text);
    return {
      name,
      createdAt: parseFileTimestamp(fileTimestamp(at))?.toISOString() ?? at.toISOString(),
      sizeBytes: Buffer.byteLength(text),
    };
  }

  const saveCurrent = (at: Date) => saveText(`${JSON.stringify(options.current(), null, 2)}\n`, at);

  async function readBackup(name: string): Promise<Database> {
    const path = join(folder, name);
    const text = await readTextIfExists(path);
    if (text === null) {
      throw new StoreError('backup-not-found', `There is no backup named ${name}.`);
    }
    return decodeDatabase(parseJsonText(path, text)).document;
  }

  return {
    folder,
    list,
    saveText,
    create: () => saveCurrent(options.now()),

    async createIfDue(now) {
      const [newest] = await parsedNames();
      if (newest !== undefined && now.getTime() - newest.at.getTime() < DAY_MS) return null;
      return saveCurrent(now);
    },

    async restore(name) {
      if (/[\\/]/.test(name) || parseBackupName(name) === null) {
        throw new StoreError(
          'bad-backup-name',
          `"${name}" is not a backup name; pick one from the list (like rigledger-2026-11-24T17-05-00Z.json).`,
        );
      }
      let database: Database;
      try {
        database = await readBackup(name);
      } catch (error) {
        if (error instanceof StoreError && error.code === 'backup-not-found') throw error;
        const reason = describeError(error);
        throw new StoreError(
          'invalid-document',
          `The backup ${name} cannot be restored: ${reason}`,
        );
      }
      const parsed = parseBackupName(name);
      const restored = parsed === null ? null : await entryFor(parsed);
      if (restored === null)
        throw new StoreError('backup-not-found', `There is no backup named ${name}.`);
      await options.replace(database);
      return restored;
    },

    async loadNewestValid() {
      for (const parsed of await parsedNames()) {
        try {
          const database = await readBackup(parsed.name);
          const entry = await entryFor(parsed);
          if (entry !== null) return { entry, database };
        } catch (error) {
          options.log(`Skipping the backup ${parsed.name}: ${describeError(error)}`);
        }
      }
      return null;
    },
  };
}
