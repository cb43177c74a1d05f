import { RpcError } from '#api/errors';

// Keys that could reach an object's prototype if any code ever merged them. JSON.parse
// keeps "__proto__" as an ordinary key and the schemas would then silently drop it, so a
// document carrying one is refused whole, before any schema sees it, with a sentence.

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

interface Step {
  value: unknown;
  key: string | number | null;
  parent: Step | null;
}

function pathOf(step: Step): string {
  const parts: string[] = [];
  for (let at: Step | null = step; at !== null && at.key !== null; at = at.parent) {
    parts.push(typeof at.key === 'number' ? `[${at.key}]` : `.${at.key}`);
  }
  return parts.reverse().join('').replace(/^\./, '');
}

/**
 * The path of the first forbidden key in a parsed JSON value, or null. Iterative, with
 * the path built only for a key it finds, so any depth costs one pass.
 */
export function findForbiddenKey(value: unknown): string | null {
  const stack: Step[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const current = step.value;
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, key: i, parent: step }));
      continue;
    }
    for (const key of Object.keys(current)) {
      const child: Step = { value: (current as Record<string, unknown>)[key], key, parent: step };
      if (FORBIDDEN.has(key)) return pathOf(child);
      stack.push(child);
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
