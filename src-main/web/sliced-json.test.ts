import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastStall } from '#fixtures/event-loop-stall';
import { parseJsonSliced } from './sliced-json';

// The sliced parser gives exactly what JSON.parse gives, refuses what it refuses, and
// hands the event loop back while it works through a body of many megabytes.

const tiny = { pieceChars: 8 }; // every container above 8 characters is walked, not handed over

describe('parsing a large body in slices', () => {
  it('property: any JSON text parses to what JSON.parse gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom('', ' ', '\n\t '), async (value, space) => {
        const text = JSON.stringify(value, null, space);
        expect(await parseJsonSliced(text, tiny)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    '{"a":[1,2}',
    '{"a":1,}',
    '[1,2,]',
    '{"a" 1}',
    '{"a":1 "b":2}',
    '{"a":}',
    '[1,2] 3',
    '{"a":[1,2,3,4,5,6',
    '{"a":"unterminated',
    '{a:1,"b":[1,2,3,4]}',
    '   ',
  ])('refuses %s as JSON.parse does', async (text) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    await expect(parseJsonSliced(text, tiny)).rejects.toThrow(SyntaxError);
  });

  it('keeps "__proto__" as an own key, as JSON.parse does, so it can be refused', async () => {
    const text = '{"database":{"lastPrices":{"__proto__":{"polluted":true}},"rigs":[1,2,3]}}';
    const parsed = await parseJsonSliced(text, tiny);
    expect(parsed).toStrictEqual(JSON.parse(text));
    expect(
      Object.keys(Reflect.get(Reflect.get(parsed as object, 'database'), 'lastPrices')),
    ).toEqual(['__proto__']);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });

  it('a 16 MiB body: never holds the event loop for more than 100 ms', async () => {
    const records = Array.from({ length: 66_000 }, (_, i) => ({
      id: `rig-${i}`,
      name: `S21 #${i} "north wall" \\ row ${i % 40}`,
      hashrate: String(180 + (i % 40)),
      tags: ['a', 'b', { nested: [i, i + 1] }],
    }));
    const text = JSON.stringify({ format: 'x', database: { rigs: records, loans: records } });
    expect(text.length).toBeGreaterThan(15 * 1024 * 1024);

    // The least of three runs: a garbage collection of this large heap that falls into one
    // run is not the parser's doing (the upload test measures the same way).
    const { result, cpuMs } = await leastStall(() => parseJsonSliced(text));

    expect(cpuMs).toBeLessThan(100);
    expect(JSON.stringify(result)).toBe(text);
  }, 60_000);
});
