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

/** One zod-style issue as the server sends it in `invalid_params` details. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** The field issues carried by an `invalid_params` error, if any. */
export function fieldIssues(error: RpcError): FieldIssue[] {
  if (error.code !== 'invalid_params' || !Array.isArray(error.details)) return [];
  const details: unknown[] = error.details;
  const issues: FieldIssue[] = [];
  for (const item of details) {
    if (typeof item !== 'object' || item === null || !('message' in item)) continue;
    if (typeof item.message !== 'string') continue;
    const path: unknown[] = 'path' in item && Array.isArray(item.path) ? item.path : [];
    const segments = path.filter(
      (p): p is string | number => typeof p === 'string' || typeof p === 'number',
    );
    issues.push({ path: segments, message: item.message });
  }
  return issues;
}
