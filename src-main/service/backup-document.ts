import { z } from 'zod';
import { RpcError } from '#api/errors';
import { isoDateTime } from '#api/fields';
import type { BackupDocumentParams } from '#api/methods';
import { databaseSchema, type Database } from '#store/schema';
import { upgradeBackupDatabase } from './backup-version';
import { settingsChanges } from './backup-settings-diff';
import type { ServiceContext } from './context';
import { parseOrThrow } from './validation';

// backup.export / backup.import: the whole database as one versioned document. An import
// is checked whole (schema by the contract, references here) and refused whole; the
// current state is backed up before it is replaced.

const storedBackupSchema = z
  .object({
    format: z.literal('rigledger-backup'),
    exportedAt: isoDateTime,
    // An older backup's database is upgraded to the current data format first.
    database: z.preprocess(upgradeBackupDatabase, databaseSchema),
  })
  .strict();
export type BackupDocument = z.infer<typeof storedBackupSchema>;

/** Checks a backup's database against the stored-data schema, upgrading older formats. */
export function readBackupDocument(document: BackupDocumentParams): BackupDocument {
  return parseOrThrow(storedBackupSchema, document, 'The backup');
}

export function exportBackup(ctx: ServiceContext): BackupDocument {
  return {
    format: 'rigledger-backup',
    exportedAt: ctx.now().toISOString(),
    database: structuredClone(ctx.store.data),
  };
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

export function checkReferences(db: Database): void {
  const rigIds = new Set(db.rigs.map((r) => r.id));
  const seen = new Set<string>();
  for (const id of [...db.rigs, ...db.loans, ...db.positions].map((r) => r.id)) {
    if (seen.has(id))
      throw new RpcError(
        'invalid_params',
        `The backup holds two records with the id "${id}"; nothing was imported.`,
      );
    seen.add(id);
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
  const document = readBackupDocument(rest);
  checkReferences(document.database);
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
  ctx.rigLive.clear();
  await ctx.changed();
  return { imported: recordCounts(document.database) };
}
