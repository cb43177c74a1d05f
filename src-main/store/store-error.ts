// Failures of the store, each with a code the service can map to the contract and a
// sentence a farm operator understands.

export type StoreErrorCode =
  | 'locked' // another RigLedger process has the data folder open
  | 'newer-version' // a file written by a newer RigLedger
  | 'invalid-document' // a change or a replacement that fails validation
  | 'backup-not-found'
  | 'bad-backup-name'
  | 'closed'; // the store was closed

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly details: unknown;

  constructor(code: StoreErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    this.details = details;
  }
}
