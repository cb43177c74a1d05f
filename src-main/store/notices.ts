import { join } from 'node:path';
import { z } from 'zod';
import { storeNoticeSchema, type StoreNotice } from '#api/snapshot';
import { parseJsonText, readTextIfExists, writeFileDurably } from './durable-file';
import { fileTimestamp, NOTICES_FILE } from './file-names';
import { describeError } from '#shared/describe-error';

// What happened to the data files that the operator must be told (a farm restored
// from a backup, a file missing, an upgrade). Kept in notices.json beside the data, so
// a notice stays on the dashboard, run after run, until the operator dismisses it.
// Not inside rigledger.json: a notice about that file must survive it, and backups and
// exports should not carry one machine's notices to another.

/** A notice as the store raises it; the book gives it an id. */
export type RaisedNotice = Omit<StoreNotice, 'id'>;

/** The newest this many are kept; a farm with more has bigger problems than a long list. */
export const MAX_NOTICES = 20;

const noticesFileSchema = z
  .object({ schemaVersion: z.literal(1), notices: z.array(storeNoticeSchema) })
  .strict();

export interface NoticeBook {
  /** Oldest first. */
  list(): StoreNotice[];
  /** Records new notices durably; resolves once they are on disk. */
  add(raised: readonly RaisedNotice[]): Promise<void>;
  /** Removes one notice for good; false when there is none with this id. */
  dismiss(id: string): Promise<boolean>;
}

function noticeId(notice: RaisedNotice, taken: ReadonlySet<string>): string {
  const stem = `${notice.kind}-${fileTimestamp(new Date(notice.at))}`;
  let id = stem;
  for (let n = 1; taken.has(id); n += 1) id = `${stem}-${n}`;
  return id;
}

export async function openNoticeBook(
  dataDir: string,
  log: (line: string) => void,
): Promise<NoticeBook> {
  const path = join(dataDir, NOTICES_FILE);
  let notices: StoreNotice[] = [];
  const text = await readTextIfExists(path);
  if (text !== null) {
    try {
      notices = noticesFileSchema.parse(parseJsonText(path, text)).notices;
    } catch (error) {
      // Only the list of past notices is lost; the farm's data is not in this file.
      log(`${NOTICES_FILE} could not be read and starts over: ${describeError(error)}`);
    }
  }
  let queue: Promise<void> = Promise.resolve();
  const save = () => {
    const document = { schemaVersion: 1, notices };
    const run = queue.then(() => writeFileDurably(path, `${JSON.stringify(document, null, 2)}\n`));
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    list: () => structuredClone(notices),
    async add(raised) {
      if (raised.length === 0) return;
      const taken = new Set(notices.map((n) => n.id));
      const added = raised.map((notice) => {
        const id = noticeId(notice, taken);
        taken.add(id);
        return { id, ...notice };
      });
      notices = [...notices, ...added].slice(-MAX_NOTICES);
      await save();
    },
    async dismiss(id) {
      if (!notices.some((n) => n.id === id)) return false;
      notices = notices.filter((n) => n.id !== id);
      await save();
      return true;
    },
  };
}
