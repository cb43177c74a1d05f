import type { BackupHistory, SettingsChange } from '#api/import-export';
import type { BackupDocumentParams } from '#api/methods';
import type { Database } from '#store/schema';
import { checkReferences, readBackupDocumentSliced } from './backup-document';
import { describeBackupHistory, readBackupHistory } from './backup-history';
import { settingsChanges } from './backup-settings-diff';
import type { ServiceContext } from './context';
import { forEachSliced } from './csv-records';

// backup.preview: what importing a backup document would change, per collection, so the
// operator can confirm before the current farm is replaced. Nothing is stored. A
// document the import would refuse is refused here with the same sentence.

export interface CollectionChange {
  current: number;
  incoming: number;
  added: number;
  removed: number;
  changed: number;
}

export interface BackupPreview {
  collections: Record<string, CollectionChange>;
  history: BackupHistory;
  settingsChanged: boolean;
  settingsChanges: SettingsChange[];
}

/** JSON with object keys sorted, so two equal records compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Record id → its canonical text, a slice of records at a time. */
async function canonicalById(records: readonly { id: string }[]): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  await forEachSliced(records, (record) => byId.set(record.id, canonical(record)));
  return byId;
}

async function compareById(
  current: readonly { id: string }[],
  incoming: readonly { id: string }[],
): Promise<CollectionChange> {
  const before = await canonicalById(current);
  const after = await canonicalById(incoming);
  let added = 0;
  let changed = 0;
  for (const [id, text] of after) {
    const old = before.get(id);
    if (old === undefined) added += 1;
    else if (old !== text) changed += 1;
  }
  const removed = [...before.keys()].filter((id) => !after.has(id)).length;
  return { current: current.length, incoming: incoming.length, added, removed, changed };
}

/** Payments have no id: one is the same payment when its loan, date and amount match. */
function comparePayments(current: Database, incoming: Database): CollectionChange {
  const keys = (db: Database) =>
    db.loans.flatMap((l) => l.payments.map((p) => `${l.id}|${p.date}|${p.amount}`));
  const before = keys(current);
  const after = keys(incoming);
  const remaining = new Map<string, number>();
  for (const key of before) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  let added = 0;
  for (const key of after) {
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else added += 1;
  }
  const removed = [...remaining.values()].reduce((n, left) => n + left, 0);
  return { current: before.length, incoming: after.length, added, removed, changed: 0 };
}

export async function previewBackup(
  ctx: ServiceContext,
  params: BackupDocumentParams,
): Promise<BackupPreview> {
  const document = await readBackupDocumentSliced(params);
  await checkReferences(document.database);
  const current = ctx.store.data;
  const incoming = document.database;
  return {
    collections: {
      rigs: await compareById(current.rigs, incoming.rigs),
      loans: await compareById(current.loans, incoming.loans),
      payments: comparePayments(current, incoming),
      positions: await compareById(current.positions, incoming.positions),
      alerts: await compareById(current.alerts, incoming.alerts),
      realisedPnl: await compareById(current.realisedPnl, incoming.realisedPnl),
      fundingPayments: await compareById(current.fundingPayments, incoming.fundingPayments),
    },
    history: describeBackupHistory(readBackupHistory(document.history)),
    settingsChanged: canonical(current.settings) !== canonical(incoming.settings),
    settingsChanges: settingsChanges(current, incoming),
  };
}
