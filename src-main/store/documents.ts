import type { z } from 'zod';
import { findForbiddenKey, forbiddenKeyName } from '#shared/forbidden-keys';
import { DATABASE_DOCUMENT, HISTORY_DOCUMENT, migrate } from './migrations';
import { databaseSchema, historySchema, type Database, type HistoryDocument } from './schema';
import { StoreError } from './store-error';

// Loaded JSON → a current, validated document: migrations first, then zod. A document
// holding a prototype-polluting key is refused whole first: zod would drop the key
// silently, and a file RigLedger never wrote that way has been tampered with or damaged.

export interface Decoded<T> {
  document: T;
  /** What the migrations did; empty when the file was already current. */
  migrated: string[];
}

/** A message as the end of a sentence: its own full stop is dropped, ours is added once. */
function withoutFullStop(message: string): string {
  return message.trim().replace(/[.\s]+$/, '');
}

/**
 * "rigs.0.hashrate: Must be greater than 0" for the first few issues, without a final
 * full stop: callers end the sentence themselves.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], limit = 3): string {
  const lines = issues.slice(0, limit).map((issue) => {
    const where = issue.path.map(String).join('.');
    const message = withoutFullStop(issue.message);
    return where === '' ? message : `${where}: ${message}`;
  });
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : '';
  return `${lines.join('; ')}${more}`;
}

function validate<T>(schema: z.ZodType<T>, value: unknown, fileName: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError(
      'invalid-document',
      `${fileName} does not match what RigLedger expects: ${describeIssues(parsed.error.issues)}.`,
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** Throws when the parsed file holds "__proto__", "constructor" or "prototype" anywhere. */
function refuseForbiddenKeys(json: unknown, fileName: string): void {
  const at = findForbiddenKey(json);
  if (at === null) return;
  throw new StoreError(
    'invalid-document',
    `${fileName} holds a field named "${forbiddenKeyName(at)}" (at ${at}), which RigLedger never writes and refuses for safety, so the whole file was refused.`,
  );
}

export function decodeDatabase(json: unknown): Decoded<Database> {
  refuseForbiddenKeys(json, DATABASE_DOCUMENT.fileName);
  const { document, applied } = migrate(DATABASE_DOCUMENT, json);
  return {
    document: validate(databaseSchema, document, DATABASE_DOCUMENT.fileName),
    migrated: applied,
  };
}

export function decodeHistory(json: unknown): Decoded<HistoryDocument> {
  refuseForbiddenKeys(json, HISTORY_DOCUMENT.fileName);
  const { document, applied } = migrate(HISTORY_DOCUMENT, json);
  return {
    document: validate(historySchema, document, HISTORY_DOCUMENT.fileName),
    migrated: applied,
  };
}

/** Validates a whole database held in memory (a change, an import, a restore). */
export function validateDatabase(value: unknown, what: string): Database {
  const parsed = databaseSchema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError(
      'invalid-document',
      `${what} was not saved: ${describeIssues(parsed.error.issues)}.`,
      parsed.error.issues,
    );
  }
  return parsed.data;
}
