// Timestamps inside file names: UTC, to the second, colons replaced so every file
// system accepts them, and sortable as text (2026-11-24T17-05-00Z).

export const DATABASE_FILE = 'rigledger.json';
export const HISTORY_FILE = 'history.json';
export const LOCK_FILE = 'rigledger.lock';
export const NOTICES_FILE = 'notices.json';
/** Channel tokens and passwords, apart from rigledger.json so backups never carry them. */
export const SECRETS_FILE = 'secrets.json';
/** Notifications waiting to be sent, and the ids of those already sent. */
export const OUTBOX_FILE = 'outbox.json';
export const BACKUP_FOLDER = 'backups';

export function fileTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

const FILE_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z$/;

/** The Date a fileTimestamp() stands for, or null when the text is not one. */
export function parseFileTimestamp(text: string): Date | null {
  const match = FILE_TIMESTAMP.exec(text);
  if (match === null) return null;
  const at = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}
