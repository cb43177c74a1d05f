import { RpcError } from '#api/errors';
import { decimalCompare } from '#api/fields';
import { fieldIssues, toRpcError } from '../../api/rpc-failure';

// What makes a Settings section say "Saved.": the settings read back after the change hold
// every value it sent (docs/dashboard.md "Settings"). Pure, so its corners are tested.

const DECIMAL = /^-?\d+(\.\d+)?$/;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function same(sent: unknown, stored: unknown): boolean {
  if (isEmpty(sent)) return isEmpty(stored);
  if (typeof sent === 'string' && typeof stored === 'string') {
    if (sent === stored) return true;
    return DECIMAL.test(sent) && DECIMAL.test(stored) && decimalCompare(sent, stored) === 0;
  }
  return sent === stored;
}

/**
 * The dotted paths of the values in `sent` that `stored` does not hold. Only what was sent
 * is compared (the service adds ids and defaults); an empty value ('' or null) asks for
 * removal and is kept when nothing is stored; decimals compare as numbers ("0.10" is
 * "0.1"); a write-only secret counts as kept when the stored object lists it in `secretsSet`.
 */
export function notKept(sent: unknown, stored: unknown, path = ''): string[] {
  const at = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  if (Array.isArray(sent)) {
    if (!Array.isArray(stored) || stored.length !== sent.length) return [path];
    return sent.flatMap((item, i) => notKept(item, stored[i], at(i)));
  }
  const object = record(sent);
  if (object === null) return same(sent, stored) ? [] : [path];
  const held = record(stored);
  if (held === null) return [path];
  const secrets = Array.isArray(held.secretsSet) ? held.secretsSet : [];
  return Object.entries(object).flatMap(([key, value]) => {
    if (value === undefined) return [];
    if (isEmpty(held[key]) && !isEmpty(value) && secrets.includes(key)) return [];
    return notKept(value, held[key], at(key));
  });
}

/** The value at a dotted path, for the message about a value not kept. */
function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path === '' ? [] : path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A path of the settings document as the section's fields name it (`sources.` taken off). */
function fieldPath(path: string, prefix: string): string {
  return prefix !== '' && path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
}

/** The failure to show when the stored settings do not hold what was sent, or null. */
export function readBackFailure(sent: unknown, stored: unknown, prefix = ''): RpcError | null {
  const missing = notKept(sent, stored, '');
  if (missing.length === 0) return null;
  const issues = missing.map((path) => {
    const now = valueAt(stored, path);
    const holds = isEmpty(now)
      ? 'nothing'
      : `“${typeof now === 'object' ? JSON.stringify(now) : String(now)}”`;
    return {
      path: fieldPath(path, prefix),
      message: `Not stored: the settings read back hold ${holds} here.`,
    };
  });
  return new RpcError(
    'invalid_params',
    'The settings read back after saving do not hold every value sent; the fields say which.',
    { issues },
  );
}

/** The host's refusal with each field path as the section's fields name it. */
export function refusalForSection(cause: unknown, prefix: string): RpcError {
  const error = toRpcError(cause);
  if (prefix === '' || error.code !== 'invalid_params') return error;
  const issues = fieldIssues(error).map((issue) => ({
    path: fieldPath(issue.path.join('.'), prefix),
    message: issue.message,
  }));
  return new RpcError(error.code, error.message, { issues });
}
