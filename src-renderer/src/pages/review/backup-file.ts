import type { ParamsOf } from '#api/methods';

// Reading a chosen backup file. Only what is needed to send it is checked here; the
// service validates the whole document and its refusal is what the operator reads.

export type BackupParams = ParamsOf<'backup.preview'>;

export type ReadBackup = { ok: true; document: BackupParams } | { ok: false; message: string };

function isBackupShaped(value: unknown): value is BackupParams {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Reflect.get(value, 'format') === 'rigledger-backup' &&
    typeof Reflect.get(value, 'exportedAt') === 'string'
  );
}

export function readBackupText(fileName: string, text: string): ReadBackup {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: `${fileName} is not a JSON file; choose a file saved with “Export everything (JSON)”.`,
    };
  }
  if (!isBackupShaped(value)) {
    return {
      ok: false,
      message: `${fileName} is not a RigLedger backup (it has no "format": "rigledger-backup" and export date).`,
    };
  }
  return { ok: true, document: value };
}

/** The list ccxt's fetchPositions() returns, or a sentence saying why the file is not one. */
export function readCcxtText(
  fileName: string,
  text: string,
): { ok: true; positions: unknown[] } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: `${fileName} is not a JSON file.` };
  }
  if (!Array.isArray(value)) {
    return {
      ok: false,
      message: `${fileName} does not hold a list of positions: save the array ccxt’s fetchPositions() returns.`,
    };
  }
  return { ok: true, positions: value };
}
