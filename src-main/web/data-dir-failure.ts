import { describeError } from '#shared/describe-error';

// A data folder the web host cannot use (not writable, read-only disk, disk full) fails
// with a bare system error such as "EACCES: permission denied, open '…/rigledger.lock.…'".
// This turns those into a sentence that names the folder and what to do about it.

const FOLDER_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: 'this user may not write there',
  EPERM: 'this user may not change the files there, which belong to another user',
  EROFS: 'it is on a read-only disk',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'part of that path is a file, not a folder',
};

/** The code of a Node.js system error (it names the failed system call), else null. */
function systemErrorCode(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error) || !('syscall' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/**
 * What to tell the operator when `task` (keeping the token, opening the farm) failed.
 * Errors that already speak to the operator (a folder locked by another RigLedger, a
 * file from a newer version) are passed on unchanged; system errors are explained.
 */
export function explainDataDirFailure({
  dataDir,
  task,
  error,
}: {
  dataDir: string;
  /** What RigLedger was doing there, after "cannot": `open the farm`. */
  task: string;
  error: unknown;
}): string {
  const code = systemErrorCode(error);
  if (code === null) return describeError(error);
  const problem = FOLDER_PROBLEMS[code];
  if (problem === undefined) {
    return `RigLedger cannot ${task} in its data folder ${dataDir}: ${describeError(error)}.`;
  }
  return (
    `RigLedger cannot ${task} in its data folder ${dataDir}: ${problem} (${describeError(error)}). ` +
    'Give the user running RigLedger write access to that folder, or choose another one with --data-dir.'
  );
}
