import type { z } from 'zod';
import { describeIssues } from './documents';
import { databaseSchema, type Database } from './schema';
import { StoreError } from './store-error';

// Validates a change by what it touched. A change is made on a copy-on-write draft, so
// every part it did not touch is the very object the last validation accepted: only the
// new or edited parts are checked. The database schema has no rule across records or
// across parts, so checking each touched part on its own accepts exactly what checking
// the whole document would, and costs what the change costs, not what the farm weighs.

type Key = keyof Database;
const SHAPE = databaseSchema.shape;
const KEYS = Object.keys(SHAPE) as Key[];

/** The parts that hold lists of records: checked record by record. */
const LISTS = new Set<Key>([
  'rigs',
  'loans',
  'positions',
  'alerts',
  'mutes',
  'realisedPnl',
  'fundingPayments',
]);

function elementSchema(key: Key): z.ZodType {
  const schema = SHAPE[key] as unknown as { element: z.ZodType };
  return schema.element;
}

function fail(what: string, issues: z.core.$ZodIssue[]): never {
  throw new StoreError(
    'invalid-document',
    `${what} was not saved: ${describeIssues(issues)}.`,
    issues,
  );
}

/** Lets other work run now and then while thousands of new records are checked. */
export type Pause = () => Promise<void>;
const noPause: Pause = () => Promise.resolve();

async function checkList(
  key: Key,
  before: readonly unknown[],
  after: readonly unknown[],
  what: string,
  pause: Pause,
) {
  const known = new Set(before);
  const schema = elementSchema(key);
  let out: unknown[] | null = null;
  for (let index = 0; index < after.length; index += 1) {
    const item = after[index];
    if (known.has(item)) continue;
    if (index % 100 === 99) await pause();
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      fail(
        what,
        parsed.error.issues.map((issue) => ({ ...issue, path: [key, index, ...issue.path] })),
      );
    }
    // The parsed record carries the schema's defaults and nothing it does not know.
    if (parsed.data !== item) {
      out ??= [...after];
      out[index] = parsed.data;
    }
  }
  return out ?? after;
}

/**
 * `next` checked against the schema where it differs from `previous` (already valid).
 * Returns the document to store: `next` itself, or a copy holding the parsed parts.
 * `pause` is awaited every hundred new records (an import of thousands).
 */
export async function validateChange(
  previous: Database,
  next: Database,
  what: string,
  pause: Pause = noPause,
): Promise<Database> {
  const extra = Object.keys(next).filter((key) => !(key in SHAPE));
  if (extra.length > 0) {
    fail(what, [
      { code: 'unrecognized_keys', keys: extra, path: [], message: 'Unrecognized keys' },
    ] as z.core.$ZodIssue[]);
  }
  let out: Database | null = null;
  for (const key of KEYS) {
    const before = previous[key];
    const after = next[key];
    if (before === after) continue;
    let checked: unknown;
    if (LISTS.has(key) && Array.isArray(after)) {
      checked = await checkList(key, Array.isArray(before) ? before : [], after, what, pause);
    } else {
      const parsed = (SHAPE[key] as z.ZodType).safeParse(after);
      if (!parsed.success) {
        fail(
          what,
          parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })),
        );
      }
      checked = parsed.data;
    }
    if (checked !== after) {
      out ??= { ...next };
      (out as Record<Key, unknown>)[key] = checked;
    }
  }
  return out ?? next;
}
