import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '#api/methods';
import { openContractHost, type ContractHost } from './contract-fixture';

// Contract fuzzing through the real web host: arbitrary payloads to every method — random
// JSON, objects built from the method's own field names, and valid calls with one field
// spoiled. Whatever comes in, the host answers with a contract error and never a 5xx,
// and a refused call leaves the stored farm exactly as it was.
// `npm run test:soak` (RIGLEDGER_SOAK=1) runs 10,000 payloads; FUZZ_RUNS sets any count.

const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.RIGLEDGER_SOAK === '1' ? 10_000 : 2400));
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const METHOD_NAMES = Object.keys(methods) as MethodName[];

let host: ContractHost;
beforeAll(async () => {
  host = await openContractHost();
});
afterAll(async () => {
  await host.service.close();
});

function fieldsOf(method: MethodName): string[] {
  const params = methods[method].params as z.ZodType;
  return params instanceof z.ZodObject ? Object.keys(params.shape) : [];
}

const tricky = fc.constantFrom<unknown>(
  '',
  ' ',
  '-1',
  '0',
  '1e999',
  'NaN',
  'Infinity',
  '9'.repeat(41),
  'x'.repeat(5000),
  '__proto__',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil")',
  '2026-02-30',
  '2026-11-24T12:00:00Z',
  'all',
  '*',
  '../../etc/passwd',
  -1,
  0,
  1e308,
  Number.MAX_SAFE_INTEGER,
  [],
  {},
  null,
  true,
);

const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 3, arbitrary: tricky },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

function paramsFor(method: MethodName): fc.Arbitrary<unknown> {
  const fields = fieldsOf(method);
  const key = fc.oneof(
    fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('id'),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'patch'),
    fc.string({ maxLength: 12 }),
  );
  const sample = host.samples[method] ?? {};
  const sampleKeys = Object.keys(sample);
  const spoiled = fc
    .record({
      field: sampleKeys.length > 0 ? fc.constantFrom(...sampleKeys) : key,
      value,
      drop: fc.boolean(),
    })
    .map(({ field, value: v, drop }) => {
      const next: Record<string, unknown> = { ...sample };
      if (drop) delete next[field];
      else next[field] = v;
      return next;
    });
  return fc.oneof(
    { weight: 1, arbitrary: value },
    { weight: 3, arbitrary: fc.dictionary(key, value, { maxKeys: 6 }) },
    { weight: 4, arbitrary: spoiled },
  );
}

describe('every contract method under arbitrary payloads', () => {
  it(`answers ${RUNS} payloads with no 5xx and changes nothing when it refuses`, async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...METHOD_NAMES)
          .chain((method) => paramsFor(method).map((params) => ({ method, params }))),
        async ({ method, params }) => {
          seen.set(method, (seen.get(method) ?? 0) + 1);
          const before = await host.stored();
          const reply = await host.rpc(method, JSON.stringify(params) ?? 'null');
          expect(reply.status, `${method} ${JSON.stringify(reply.json)}`).toBeLessThan(500);
          if (reply.status !== 200) {
            const error = (reply.json as { error: { code: string; message: string } }).error;
            expect(error.message.length).toBeGreaterThan(10);
            expect(await host.stored()).toBe(before);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // Every method was tried, and nothing unexpected reached the log.
    expect([...seen.keys()].sort()).toEqual([...METHOD_NAMES].sort());
    expect(host.logged.filter((line) => /internal|unexpected/i.test(line))).toEqual([]);
  }, 120_000);
});
