import { freeze } from 'immer';
import type { Database } from './schema';

// Databases already checked against the schema a slice at a time (a large backup being
// imported): the store takes them as they are instead of checking, cloning and holding
// the event loop for a second over a hundred thousand records again. Only a document
// frozen whole can be marked, so nothing can change it between the check and the save.

const checked = new WeakSet<object>();

/** Marks `db`, which `databaseSchema` accepted and whose records are frozen, as checked. */
export function markSchemaChecked(db: Database): Database {
  const frozen = freeze(db, true);
  checked.add(frozen);
  return frozen;
}

export function isSchemaChecked(db: Database): boolean {
  return checked.has(db) && Object.isFrozen(db);
}
