import { RpcError } from '#api/errors';

// Keys that could reach an object's prototype if any code ever merged them. JSON.parse
// keeps "__proto__" as an ordinary key and the schemas would then silently drop it, so a
// document carrying one is refused whole, before any schema sees it, with a sentence.

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key in a parsed JSON value, or null. Iterative: any depth. */
export function findForbiddenKey(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }));
      continue;
    }
    for (const key of Object.keys(current)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN.has(key)) return at;
      stack.push({ value: (current as Record<string, unknown>)[key], path: at });
    }
  }
  return null;
}

export function refuseForbiddenKeys(params: unknown, what: string): void {
  const at = findForbiddenKey(params);
  if (at === null) return;
  const key = at.slice(at.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
  throw new RpcError(
    'invalid_params',
    `${what} was refused whole: it holds a field named "${key}" (at ${at}), which RigLedger never uses and refuses for safety. Remove that field and send it again; nothing was changed.`,
    { issues: [{ path: at, message: `The field "${key}" is not allowed.` }] },
  );
}
