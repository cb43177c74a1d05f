// Keys that could reach an object's prototype if any code ever merged them. JSON.parse
// keeps "__proto__" as an ordinary key and a schema would then silently drop it, so a
// document carrying one (a request, a backup, the data file itself) is refused whole.

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

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
 * The path of the first forbidden key in a parsed JSON value ("rigs[0].__proto__"), or
 * null. Iterative, with the path built only for a key it finds, so any depth costs one
 * pass.
 */
export function findForbiddenKey(value: unknown): string | null {
  const stack: Step[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const found = visit(stack.pop()!, stack);
    if (found !== null) return found;
  }
  return null;
}

/** findForbiddenKey for large documents: gives the event loop a turn every `sliceMs`. */
export async function findForbiddenKeySliced(
  value: unknown,
  yieldTurn: () => Promise<void>,
  sliceMs: number,
): Promise<string | null> {
  const stack: Step[] = [{ value, key: null, parent: null }];
  let sliceStart = performance.now();
  let visited = 0;
  while (stack.length > 0) {
    visited += 1;
    if (visited % 1024 === 0 && performance.now() - sliceStart >= sliceMs) {
      await yieldTurn();
      sliceStart = performance.now();
    }
    const found = visit(stack.pop()!, stack);
    if (found !== null) return found;
  }
  return null;
}

/** Pushes a value's children; returns the path of a forbidden key among them, if any. */
function visit(step: Step, stack: Step[]): string | null {
  const current = step.value;
  if (current === null || typeof current !== 'object') return null;
  if (Array.isArray(current)) {
    current.forEach((item, i) => stack.push({ value: item, key: i, parent: step }));
    return null;
  }
  for (const key of Object.keys(current)) {
    const child: Step = { value: (current as Record<string, unknown>)[key], key, parent: step };
    if (FORBIDDEN_KEYS.has(key)) return pathOf(child);
    stack.push(child);
  }
  return null;
}

/** The key itself from a path findForbiddenKey returned ("rigs[0].__proto__" → "__proto__"). */
export function forbiddenKeyName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
}
