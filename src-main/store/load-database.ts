import { join } from 'node:path';
import type { BackupsInternal } from './backups';
import { decodeDatabase } from './documents';
import { moveAside, parseJsonText, readTextIfExists, type DurableJsonFile } from './durable-file';
import { DATABASE_FILE, HISTORY_FILE } from './file-names';
import type { RaisedNotice } from './notices';
import { emptyDatabase, type Database } from './schema';
import { StoreError } from './store-error';
import { describeError } from '#shared/describe-error';

// rigledger.json as found on open → the farm to start with. A file that cannot be read
// is set aside and the newest good backup loaded; a file that is missing while backups
// or a history show there was a farm is restored from a backup too. Either way the
// operator is told, in words, by a notice that stays until dismissed.

export interface LoadContext {
  dataDir: string;
  now: () => Date;
  log: (line: string) => void;
  notices: RaisedNotice[];
}

export interface LoadedDatabase {
  database: Database;
  /** True when the file on disk does not hold `database` yet (new, migrated, recovered). */
  needsWrite: boolean;
}

export async function loadDatabase(
  file: DurableJsonFile<Database>,
  backups: BackupsInternal,
  context: LoadContext,
): Promise<LoadedDatabase> {
  const text = await file.readText();
  if (text === null) return startWithoutFile(backups, context);

  let decoded: ReturnType<typeof decodeDatabase>;
  try {
    decoded = decodeDatabase(parseJsonText(file.path, text));
  } catch (error) {
    // A newer RigLedger's file is fine, just not ours to read: refuse and leave it be.
    if (error instanceof StoreError && error.code === 'newer-version') throw error;
    return recoverFromUnreadable(file.path, error, backups, context);
  }

  // The backup on open keeps the file exactly as found, before anything changes it.
  try {
    await backups.saveText(text, context.now());
  } catch (error) {
    context.log(`The start-up backup could not be written: ${describeError(error)}`);
  }

  if (decoded.migrated.length > 0) {
    const message =
      `Your data was upgraded to the current format (${decoded.migrated.join('; ')}). ` +
      `A copy of the file as it was is in the backups folder.`;
    context.log(message);
    context.notices.push({ kind: 'migrated', message, at: context.now().toISOString() });
    return { database: decoded.document, needsWrite: true };
  }
  return { database: decoded.document, needsWrite: false };
}

async function recoverFromUnreadable(
  path: string,
  error: unknown,
  backups: BackupsInternal,
  context: LoadContext,
): Promise<LoadedDatabase> {
  const at = context.now();
  const reason = describeError(error);
  const movedTo = await moveAside(path, at);
  const found = `RigLedger could not read its data file: ${reason} The file was left untouched and moved to ${movedTo}.`;
  const backup = await backups.loadNewestValid();
  if (backup !== null) {
    const message =
      `${found} Your farm was restored from the backup taken ${backup.entry.createdAt} ` +
      `(${backup.entry.name}); changes made after that time are missing.`;
    context.log(message);
    context.notices.push({ kind: 'recovered-from-backup', message, at: at.toISOString() });
    return { database: backup.database, needsWrite: true };
  }
  const message = `${found} No usable backup was found, so RigLedger started with an empty farm.`;
  context.log(message);
  context.notices.push({ kind: 'recovered-empty', message, at: at.toISOString() });
  return { database: emptyDatabase(), needsWrite: true };
}

/**
 * No rigledger.json. A new data folder starts empty; a folder with backups is restored
 * from the newest good one; a folder with a history but nothing to restore says so.
 */
async function startWithoutFile(
  backups: BackupsInternal,
  context: LoadContext,
): Promise<LoadedDatabase> {
  const at = context.now();
  const missing = `${DATABASE_FILE} was missing from the data folder ${context.dataDir}.`;
  const found = await backups.list();
  const backup = found.length === 0 ? null : await backups.loadNewestValid();
  if (backup !== null) {
    const message =
      `${missing} Your farm was restored from the backup taken ${backup.entry.createdAt} ` +
      `(${backup.entry.name}); changes made after that time are missing.`;
    context.log(message);
    context.notices.push({ kind: 'recovered-from-backup', message, at: at.toISOString() });
    return { database: backup.database, needsWrite: true };
  }
  const hasHistory = (await readTextIfExists(join(context.dataDir, HISTORY_FILE))) !== null;
  if (found.length === 0 && !hasHistory) return { database: emptyDatabase(), needsWrite: true };
  const evidence =
    found.length > 0
      ? `none of the ${found.length} backups in ${backups.folder} could be read`
      : `the folder holds a chart history (${HISTORY_FILE}) but no backup to restore`;
  const message =
    `${missing} RigLedger started with an empty farm because ${evidence}. If you moved or ` +
    `copied the data folder, close RigLedger and put ${DATABASE_FILE} back, or import a backup file.`;
  context.log(message);
  context.notices.push({ kind: 'recovered-empty', message, at: at.toISOString() });
  return { database: emptyDatabase(), needsWrite: true };
}
