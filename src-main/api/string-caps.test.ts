import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { methods, type MethodName } from './methods';

// Every string a contract method accepts has a length cap, so no call can make RigLedger
// store, compare or echo a string of megabytes (a 500,000-character mute subject, a
// name). Walks each method's params schema through every wrapper and lists the paths of
// strings without a maximum.

/** A string schema (z.string() or a format such as z.iso.datetime()) and whether it is capped. */
function stringCap(schema: z.ZodType): 'capped' | 'uncapped' | null {
  if (schema.def.type !== 'string') return null;
  const checks = schema.def.checks ?? [];
  const capped = checks.some((check) => {
    const kind = check._zod.def.check;
    return kind === 'max_length' || kind === 'length_equals';
  });
  return capped ? 'capped' : 'uncapped';
}

function uncapped(schema: z.ZodType, path: string, seen: Set<z.ZodType>): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const walk = (inner: z.ZodType, at: string) => uncapped(inner, at, seen);
  const cap = stringCap(schema);
  if (cap !== null) return cap === 'uncapped' ? [path || '(params)'] : [];
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return [
      ...Object.entries(shape).flatMap(([key, inner]) =>
        walk(inner, path ? `${path}.${key}` : key),
      ),
      ...(schema.def.catchall ? walk(schema.def.catchall as z.ZodType, `${path}.*`) : []),
    ];
  }
  if (schema instanceof z.ZodArray) return walk(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodRecord)
    return [
      ...walk(schema.keyType as z.ZodType, `${path}{key}`),
      ...walk(schema.valueType as z.ZodType, `${path}{}`),
    ];
  if (schema instanceof z.ZodTuple)
    return (schema.def.items as z.ZodType[]).flatMap((item, i) => walk(item, `${path}[${i}]`));
  if (schema instanceof z.ZodUnion)
    return (schema.options as z.ZodType[]).flatMap((option) => walk(option, path));
  if (schema instanceof z.ZodIntersection)
    return [
      ...walk(schema.def.left as z.ZodType, path),
      ...walk(schema.def.right as z.ZodType, path),
    ];
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodCatch ||
    schema instanceof z.ZodReadonly ||
    schema instanceof z.ZodNonOptional
  )
    return walk(schema.def.innerType as z.ZodType, path);
  if (schema instanceof z.ZodPipe)
    return [...walk(schema.def.in as z.ZodType, path), ...walk(schema.def.out as z.ZodType, path)];
  if (schema instanceof z.ZodLazy) return walk(schema.def.getter() as z.ZodType, path);
  return [];
}

describe('every string a contract method accepts has a length cap', () => {
  const names = Object.keys(methods) as MethodName[];

  it('walks every method (the walk reaches strings at all)', () => {
    const probe = z.object({
      a: z.array(z.string().optional()),
      b: z.iso.datetime(),
      c: z.string().max(3),
      d: z.record(z.string(), z.iso.date().max(10)),
    });
    expect(uncapped(probe, '', new Set())).toEqual(['a[]', 'b', 'd{key}']);
    expect(names.length).toBeGreaterThan(40);
  });

  it.each(names)('%s', (name) => {
    expect(uncapped(methods[name].params as z.ZodType, '', new Set())).toEqual([]);
  });
});
