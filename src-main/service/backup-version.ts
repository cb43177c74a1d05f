import type { z } from 'zod';
import { DATABASE_DOCUMENT, migrate } from '#store/migrations';
import { CURRENT_SCHEMA_VERSION } from '#store/schema';

// A backup document carries its database's data format (schemaVersion). One exported by
// an earlier RigLedger (format 1 on) is upgraded exactly as rigledger.json is on open;
// a missing or newer format is refused with a sentence instead of a schema error.

/** Why a backup's database cannot be read at all (its format), or null when it can. */
export function backupVersionProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const version: unknown = Reflect.get(value, 'schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return 'This backup does not say which data format it holds (schemaVersion); it is not a RigLedger backup.';
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return (
      `This backup was saved by a newer RigLedger (data format ${version}; this version reads up to ` +
      `${CURRENT_SCHEMA_VERSION}). Update RigLedger to import it.`
    );
  }
  return null;
}

/** A readable backup database in the current format: older formats are migrated. */
export function upgradedBackupDatabase(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const version: unknown = Reflect.get(value, 'schemaVersion');
  return version === CURRENT_SCHEMA_VERSION ? value : migrate(DATABASE_DOCUMENT, value).document;
}

export function upgradeBackupDatabase(value: unknown, ctx: z.RefinementCtx): unknown {
  const problem = backupVersionProblem(value);
  if (problem !== null) {
    ctx.addIssue({ code: 'custom', path: ['schemaVersion'], message: problem });
    return value;
  }
  return upgradedBackupDatabase(value);
}
