import { z } from 'zod';
import { RpcError } from '#api/errors';
import { isoDateTime } from '#api/fields';
import type { BackupDocumentParams } from '#api/methods';
import { databaseSchema, type Database, type HistoryDocument } from '#store/schema';
import { readBackupHistory } from './backup-history';
import {
  backupVersionProblem,
  upgradeBackupDatabase,
  upgradedBackupDatabase,
} from './backup-version';
import { settingsChanges } from './backup-settings-diff';
import type { ServiceContext } from './context';
import { forEachSliced } from './csv-records';
import { checkDatabaseSliced, inFieldOrder, prefixIssues } from './sliced-database-check';
import { invalidParams, parseOrThrow } from './validation';

// backup.export / backup.import: the whole database — records, settings, alerts and
// mutes — and the history as one versioned document. An import is checked whole (schema
// by the contract, references here) and refused whole; the current state is backed up
// before it is replaced.

const storedBackupSchema = z
  .object({
    format: z.literal('rigledger-backup'),
    exportedAt: isoDateTime,
    // An older backup's database is upgraded to the current data format first.
    database: z.preprocess(upgradeBackupDatabase, databaseSchema),
    // Checked by readBackupHistory (backup-history.ts), which upgrades an older format.
    history: z.unknown().optional(),
    /** Channel secrets, only when the operator asked for them on export. */
    secrets: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  })
  .strict();
export type BackupDocument = z.infer<typeof storedBackupSchema>;

/** Checks a backup's database against the stored-data schema, upgrading older formats. */
export function readBackupDocument(document: BackupDocumentParams): BackupDocument {
  return parseOrThrow(storedBackupSchema, document, 'The backup');
}

/** The document's envelope, its database left to checkDatabaseSliced. */
const envelopeSchema = storedBackupSchema.extend({ database: z.unknown() });
const ENVELOPE_ORDER = Object.keys(storedBackupSchema.shape);

/**
 * readBackupDocument for a document of many megabytes: the same checks, the same result
 * and the same refusal, record by record, so other requests are answered meanwhile.
 */
export async function readBackupDocumentSliced(
  document: BackupDocumentParams,
): Promise<BackupDocument> {
  const envelope = envelopeSchema.safeParse(document);
  const issues: z.core.$ZodIssue[] = envelope.success ? [] : [...envelope.error.issues];
  const problem = backupVersionProblem(document.database);
  if (problem === null) {
    const checked = await checkDatabaseSliced(upgradedBackupDatabase(document.database));
    if (checked.success && envelope.success && issues.length === 0)
      return { ...envelope.data, database: checked.data };
    if (!checked.success) issues.push(...prefixIssues(checked.issues, ['database']));
  } else {
    issues.push({
      code: 'custom',
      path: ['database', 'schemaVersion'],
      message: problem,
      input: document.database,
    });
  }
  throw invalidParams(new z.ZodError(inFieldOrder(issues, ENVELOPE_ORDER)), 'The backup');
}

export function exportBackup(
  ctx: ServiceContext,
  includeSecrets: boolean,
): BackupDocument & { history: HistoryDocument } {
  const document: BackupDocument & { history: HistoryDocument } = {
    format: 'rigledger-backup',
    exportedAt: ctx.now().toISOString(),
    database: structuredClone(ctx.store.data),
    history: ctx.store.history.toDocument(),
  };
  // Tokens and passwords leave the machine only when the operator asks (docs/notifications.md).
  return includeSecrets ? { ...document, secrets: ctx.secrets.all() } : document;
}

export function recordCounts(db: Database): Record<string, number> {
  return {
    rigs: db.rigs.length,
    loans: db.loans.length,
    payments: db.loans.reduce((n, l) => n + l.payments.length, 0),
    positions: db.positions.length,
    alerts: db.alerts.length,
    realisedPnl: db.realisedPnl.length,
    fundingPayments: db.fundingPayments.length,
  };
}

/** Ids unique across records, and loans pointing only at rigs the backup holds; a slice at a time. */
export async function checkReferences(db: Database): Promise<void> {
  const rigIds = new Set<string>();
  await forEachSliced(db.rigs, (rig) => rigIds.add(rig.id));
  const seen = new Set<string>();
  const lists: readonly (readonly { id: string }[])[] = [db.rigs, db.loans, db.positions];
  for (const records of lists) {
    await forEachSliced(records, ({ id }) => {
      if (seen.has(id))
        throw new RpcError(
          'invalid_params',
          `The backup holds two records with the id "${id}"; nothing was imported.`,
        );
      seen.add(id);
    });
  }
  for (const loan of db.loans) {
    const missing = loan.rigIds?.find((id) => !rigIds.has(id));
    if (missing) {
      throw new RpcError(
        'invalid_params',
        `Loan "${loan.lender}" refers to a rig "${missing}" the backup does not hold; nothing was imported.`,
      );
    }
  }
}

export async function importBackup(
  ctx: ServiceContext,
  params: BackupDocumentParams & { confirmSilencing?: boolean | undefined },
): Promise<{ imported: Record<string, number> }> {
  const { confirmSilencing, ...rest } = params;
  const document = await readBackupDocumentSliced(rest);
  await checkReferences(document.database);
  const history = readBackupHistory(document.history);
  const silencing = settingsChanges(ctx.store.data, document.database).filter(
    (c) => c.silencesAlerts,
  );
  if (silencing.length > 0 && confirmSilencing !== true) {
    throw new RpcError(
      'conflict',
      `This backup would silence alerts: ${silencing.map((c) => c.sentence).join(' ')} Nothing was imported; import it again confirming these changes (confirmSilencing: true) if you mean them.`,
      { silencing },
    );
  }
  await ctx.store.replace(document.database);
  if (history !== undefined) await ctx.store.history.replaceWith(history);
  // Secrets travel only in an export that asked for them; without them the saved ones stay
  // for the channels the imported farm still has.
  const channelIds = new Set(document.database.settings.notifications.channels.map((c) => c.id));
  const source = document.secrets ?? ctx.secrets.all();
  await ctx.secrets.replace(
    Object.fromEntries(Object.entries(source).filter(([id]) => channelIds.has(id))),
  );
  ctx.rigLive.clear();
  await ctx.changed();
  return { imported: recordCounts(document.database) };
}
