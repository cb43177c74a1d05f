import { RpcError, isRpcErrorBody } from '#api/errors';
import { describeError } from '#shared/describe-error';

// Every failed call reaches the UI as an RpcError with a sentence for a person,
// whatever the host or the transport did.

export function toRpcError(cause: unknown): RpcError {
  if (cause instanceof RpcError) return cause;
  if (isRpcErrorBody(cause)) return new RpcError(cause.code, cause.message, cause.details);
  if (
    typeof cause === 'object' &&
    cause !== null &&
    'error' in cause &&
    isRpcErrorBody(cause.error)
  ) {
    return new RpcError(cause.error.code, cause.error.message, cause.error.details);
  }
  const message = describeError(cause);
  return new RpcError('internal', message || 'The request failed for an unknown reason.');
}

/** One field issue of an `invalid_params` error, its path split into segments. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** The issue list of an `invalid_params` error: the service sends `{ issues: [...] }`. */
function issueList(details: unknown): unknown[] {
  if (Array.isArray(details)) return details;
  if (typeof details === 'object' && details !== null && 'issues' in details) {
    return Array.isArray(details.issues) ? details.issues : [];
  }
  return [];
}

/**
 * The field issues carried by an `invalid_params` error, if any. The service writes each
 * path dotted (`endpoint.port`); a zod-style array path is read as well.
 */
export function fieldIssues(error: RpcError): FieldIssue[] {
  if (error.code !== 'invalid_params') return [];
  const issues: FieldIssue[] = [];
  for (const item of issueList(error.details)) {
    if (typeof item !== 'object' || item === null || !('message' in item)) continue;
    if (typeof item.message !== 'string') continue;
    const raw: unknown = 'path' in item ? item.path : [];
    const path: unknown[] =
      typeof raw === 'string' ? (raw === '' ? [] : raw.split('.')) : Array.isArray(raw) ? raw : [];
    const segments = path.filter(
      (p): p is string | number => typeof p === 'string' || typeof p === 'number',
    );
    issues.push({ path: segments, message: item.message });
  }
  return issues;
}
