import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Immer, freeze } from 'immer';
import { Low } from 'lowdb';
import type { StoreNotice } from '#api/snapshot';
import { createBackups, type Backups, type BackupsInternal } from './backups';
import { databaseText } from './database-text';
import { decodeDatabase, validateDatabase } from './documents';
import { durableJsonFile, removeLeftoverTempFiles } from './durable-file';
import { DATABASE_FILE, HISTORY_FILE, NOTICES_FILE } from './file-names';
import { openHistory, type HistoryStore } from './history';
import { loadDatabase, type LoadContext } from './load-database';
import { acquireLock, type DataDirLock } from './lock';
import { openNoticeBook } from './notices';
import { emptyDatabase, type Database } from './schema';
import { StoreError } from './store-error';
import { pauseEvery } from './slices';
import { validateChange } from './validate-change';
import { isSchemaChecked } from './validated-documents';
import { describeError } from '#shared/describe-error';

// rigledger.json through lowdb with our durable adapter: one writer per data folder
// (the lock), every change validated before it reaches the disk, and a file that cannot
// be read is set aside (never overwritten) and replaced by the newest good backup.

/**
 * Changes are made on copy-on-write drafts: what a change does not touch stays the very
 * object it was, so a change costs what it touches (docs/architecture.md "Writes").
 * The state is frozen as it is committed: an accidental edit in place fails loudly.
 */
const drafts = new Immer({ autoFreeze: true });

export interface Store {
  readonly dataDir: string;
  /** Current state. Treat as read-only: change it only through update() or replace(). */
  readonly data: Database;
  /**
   * Runs `mutate` on a copy-on-write draft, validates what it changed, writes it durably
   * and only then makes it the current state. A failed validation or write throws and
   * changes nothing. Calls run one at a time, in order. Records the change did not touch
   * keep their identity, so views cached on them stay valid.
   */
  update<T>(mutate: (draft: Database) => T): Promise<T>;
  /**
   * For hot state a feed refreshes (the last fed prices, chain figures, funding quotes):
   * like update(), but the change is the current state as soon as it is validated and
   * its durable write follows within a couple of seconds (HOT_WRITE_DELAY_MS), coalesced with any others (or
   * sooner, with the next update()). What waits on it (the alert evaluation) does not
   * wait for a disk. A crash loses at most those seconds of feed answers, which the next
   * poll fetches again. A write that fails is logged and retried.
   */
  updateSoon<T>(mutate: (draft: Database) => T): Promise<T>;
  /** Whole-document replace (import, restore): validated, and the current state is backed up first. */
  replace(next: Database): Promise<void>;
  /**
   * What happened to the data files that the operator should be told (recovery,
   * migration), oldest first; each stays, across restarts, until dismissed.
   */
  readonly notices: StoreNotice[];
  /** Removes a notice for good; false when there is none with this id. */
  dismissNotice(id: string): Promise<boolean>;
  readonly history: HistoryStore;
  readonly backups: Backups;
  /** Finishes pending writes (database and history) and releases the data-folder lock. */
  close(): Promise<void>;
}

/** Hot state (updateSoon) reaches the disk at most this long after it changed. */
export const HOT_WRITE_DELAY_MS = 2_000;

export interface OpenStoreOptions {
  dataDir: string;
  now?: () => Date;
  log?: (line: string) => void;
  /** How the lock file names this process; defaults to the command line. */
  command?: string;
  /** History appends are written at most this often (default 5 s) and on flush/close. */
  historyFlushDelayMs?: number;
  /** Hot state (updateSoon) is written this long after it changed (default HOT_WRITE_DELAY_MS). */
  hotWriteDelayMs?: number;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const context: LoadContext = {
    dataDir: options.dataDir,
    now: options.now ?? (() => new Date()),
    log: options.log ?? ((line) => console.error(line)),
    notices: [],
  };
  await mkdir(context.dataDir, { recursive: true });
  const lock = await acquireLock(context.dataDir, {
    command: options.command,
    now: context.now,
    log: context.log,
  });
  try {
    return await openLocked(context, lock, {
      historyFlushDelayMs: options.historyFlushDelayMs,
      hotWriteDelayMs: options.hotWriteDelayMs ?? HOT_WRITE_DELAY_MS,
    });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLocked(
  context: LoadContext,
  lock: DataDirLock,
  delays: { historyFlushDelayMs: number | undefined; hotWriteDelayMs: number },
): Promise<Store> {
  const { historyFlushDelayMs, hotWriteDelayMs } = delays;
  const { dataDir, now, log, notices } = context;
  await removeLeftoverTempFiles(dataDir, DATABASE_FILE);
  await removeLeftoverTempFiles(dataDir, HISTORY_FILE);
  await removeLeftoverTempFiles(dataDir, NOTICES_FILE);

  const file = durableJsonFile<Database>(join(dataDir, DATABASE_FILE), {
    decode: (json) => decodeDatabase(json).document,
    encode: databaseText,
  });
  const db = new Low<Database>(file, emptyDatabase());
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  let closing: Promise<void> | null = null;

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(() => {
      if (closed)
        throw new StoreError('closed', 'RigLedger is shutting down; the change was not saved.');
      return task();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  /** Hot changes in db.data that no write has carried to the disk yet. */
  let unsaved = false;
  let hotWrite: ReturnType<typeof setTimeout> | null = null;

  async function commit(next: Database): Promise<void> {
    // `next` grew from the current state, hot changes included: this write carries them.
    const carries = unsaved;
    await file.write(next);
    if (carries) unsaved = false;
    // Frozen whole once (a load, an import); a change then freezes only what it made.
    db.data = freeze(next, true);
  }

  async function writeHotState(): Promise<void> {
    if (!unsaved) return;
    unsaved = false;
    try {
      await file.write(db.data);
    } catch (error) {
      unsaved = true;
      log(
        `RigLedger could not save the latest feed answers (prices, chain figures); retrying: ${describeError(error)}`,
      );
      scheduleHotWrite();
    }
  }

  function scheduleHotWrite(): void {
    if (hotWrite !== null || closed) return;
    hotWrite = setTimeout(() => {
      hotWrite = null;
      enqueue(writeHotState).catch(() => {});
    }, hotWriteDelayMs);
    hotWrite.unref();
  }

  const backups: BackupsInternal = createBackups({
    dataDir,
    now,
    log,
    current: () => db.data,
    replace: (next) => store.replace(next),
  });

  const loaded = await loadDatabase(file, backups, context);
  db.data = freeze(loaded.database, true);
  if (loaded.needsWrite) await file.write(db.data);

  const history = await openHistory({
    dataDir,
    now,
    log,
    notices,
    flushDelayMs: historyFlushDelayMs,
  });
  const noticeBook = await openNoticeBook(dataDir, log);
  await noticeBook.add(notices);

  const store: Store = {
    dataDir,
    get data() {
      return db.data;
    },
    get notices() {
      return noticeBook.list();
    },
    dismissNotice: (id) => noticeBook.dismiss(id),
    history,
    backups,

    update(mutate) {
      return enqueue(async () => {
        const draft = drafts.createDraft(db.data);
        const result = mutate(draft);
        const next = drafts.finishDraft(draft);
        await commit(await validateChange(db.data, next, 'The change', pauseEvery()));
        await backUpIfDue(backups, now(), log);
        return result;
      });
    },

    updateSoon(mutate) {
      return enqueue(async () => {
        const draft = drafts.createDraft(db.data);
        const result = mutate(draft);
        const next = drafts.finishDraft(draft);
        db.data = freeze(
          await validateChange(db.data, next, 'The feed update', pauseEvery()),
          true,
        );
        unsaved = true;
        scheduleHotWrite();
        return result;
      });
    },

    replace(next) {
      return enqueue(async () => {
        const validated = isSchemaChecked(next)
          ? next
          : validateDatabase(structuredClone(next), 'The replacement data');
        await backups.create();
        await commit(validated);
      });
    },

    close() {
      closing ??= (async () => {
        if (hotWrite !== null) clearTimeout(hotWrite);
        hotWrite = null;
        await enqueue(async () => {
          // The feed answers not yet on disk are written before the folder is released.
          await writeHotState();
          closed = true;
        });
        await file.settled();
        try {
          await history.close();
        } finally {
          await lock.release();
        }
      })();
      return closing;
    },
  };
  return store;
}

async function backUpIfDue(backups: Backups, at: Date, log: (line: string) => void): Promise<void> {
  try {
    await backups.createIfDue(at);
  } catch (error) {
    // The change itself is saved; a missed daily backup is retried on the next change.
    log(`The daily backup could not be written: ${describeError(error)}`);
  }
}
