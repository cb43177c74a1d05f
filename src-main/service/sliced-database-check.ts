import { z } from 'zod';
import { freeze } from 'immer';
import { recordText } from '#store/database-text';
import { databaseSchema, type Database } from '#store/schema';
import { markSchemaChecked } from '#store/validated-documents';
import { pauseEvery } from '#store/slices';

// The stored-data schema checked record by record, giving other requests a turn every
// SLICE_MS: a backup of many megabytes is validated without holding the event loop. The
// result is what databaseSchema.safeParse gives: the same data, the same issues.

export type SlicedCheck =
  { success: true; data: Database } | { success: false; issues: z.core.$ZodIssue[] };

/** Everything but the record lists, checked in one go: the settings and a few maps. */
const shellSchema = databaseSchema.extend({
  rigs: z.array(z.unknown()),
  loans: z.array(z.unknown()),
  positions: z.array(z.unknown()),
  alerts: z.array(z.unknown()),
  mutes: z.array(z.unknown()),
  realisedPnl: z.array(z.unknown()),
});
const KEY_ORDER = Object.keys(databaseSchema.shape);

async function checkList<T>(
  element: z.ZodType<T>,
  value: unknown,
  key: string,
  issues: z.core.$ZodIssue[],
  pause: () => Promise<void>,
): Promise<T[]> {
  const items: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : [];
  if (!Array.isArray(items)) return []; // the shell reports it
  const checked: T[] = [];
  for (let i = 0; i < items.length; i += 1) {
    await pause();
    const result = element.safeParse(items[i]);
    if (result.success) {
      // Frozen and written out here, a slice at a time, so the save that may follow only
      // joins the text (store/validated-documents.ts, store/database-text.ts).
      const record = freeze(result.data, true);
      if (typeof record === 'object' && record !== null) recordText(record);
      checked.push(record);
    } else issues.push(...prefixIssues(result.error.issues, [key, i]));
  }
  return checked;
}

export function prefixIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
): z.core.$ZodIssue[] {
  return issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}

/** Issues in the order the schema's fields are declared; issues about the whole last. */
export function inFieldOrder(
  issues: z.core.$ZodIssue[],
  order: readonly string[],
): z.core.$ZodIssue[] {
  const rank = (issue: z.core.$ZodIssue) => {
    const at = order.indexOf(String(issue.path[0]));
    return issue.path.length === 0 || at < 0 ? order.length : at;
  };
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.i - b.i)
    .map(({ issue }) => issue);
}

export async function checkDatabaseSliced(value: unknown): Promise<SlicedCheck> {
  const shell = shellSchema.safeParse(value);
  const issues: z.core.$ZodIssue[] = shell.success ? [] : [...shell.error.issues];
  const pause = pauseEvery();
  const { shape } = databaseSchema;
  const rigs = await checkList(shape.rigs.element, value, 'rigs', issues, pause);
  const loans = await checkList(shape.loans.element, value, 'loans', issues, pause);
  const positions = await checkList(shape.positions.element, value, 'positions', issues, pause);
  const alerts = await checkList(shape.alerts.element, value, 'alerts', issues, pause);
  const mutes = await checkList(shape.mutes.element, value, 'mutes', issues, pause);
  const realisedPnl = await checkList(
    shape.realisedPnl.element,
    value,
    'realisedPnl',
    issues,
    pause,
  );
  if (!shell.success || issues.length > 0)
    return { success: false, issues: inFieldOrder(issues, KEY_ORDER) };
  const data: Database = { ...shell.data, rigs, loans, positions, alerts, mutes, realisedPnl };
  return { success: true, data: markSchemaChecked(data) };
}
