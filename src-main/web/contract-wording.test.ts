import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '#api/methods';
import { openContractHost, type ContractHost } from './contract-fixture';

// Every refusal of a wrongly typed field names the field and says what to send, in words
// a farm operator reads: never a validator's shorthand ("Expected record.") nor advice
// about another kind of field ("Send numbers as decimal strings" for an id).

let host: ContractHost;
beforeAll(async () => {
  host = await openContractHost();
});
afterAll(async () => {
  await host.service.close();
});

const SHORTHAND = /Expected [a-z]+\.|\bentries\b|Invalid input|Required\b/;

async function messageFor(method: string, params: unknown): Promise<string> {
  const reply = await host.rpc(method, JSON.stringify(params));
  expect(reply.status, `${method} ${JSON.stringify(params)}`).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  return (reply.json as { error: { message: string } }).error.message;
}

const cases = (Object.keys(methods) as MethodName[]).flatMap((method) => {
  const params = methods[method].params as z.ZodType;
  if (!(params instanceof z.ZodObject)) return [];
  return Object.keys(params.shape).flatMap((field) =>
    [5, true, [], { nested: 1 }, 'text'].map((wrong) => ({ method, field, wrong })),
  );
});

describe('a wrongly typed field', () => {
  it.each([
    ['loans.schedule', { id: 5 }, 'id: Send text in quotes here, not a number.'],
    [
      'scenario.run',
      { shocksPct: 5 },
      'shocksPct: Send shocksPct as an object of coin to percent, e.g. {"BTC": "-30"}.',
    ],
    [
      'backups.restore',
      { name: [] },
      'name: Send the backup’s file name as text, as backups.list shows it.',
    ],
    ['rigs.list', 5, 'Send the params as a JSON object, e.g. {} or {"id":"…"}.'],
  ])('%s %j says what to send', async (method, params, sentence) => {
    expect(await messageFor(method, params)).toBe(
      `The ${method} request was not accepted. ${sentence}`,
    );
  });

  it(`is named with what to send, for every field of every method (${cases.length} cases)`, async () => {
    const unclear: string[] = [];
    for (const { method, field, wrong } of cases) {
      const sample = host.samples[method] ?? {};
      const reply = await host.rpc(method, JSON.stringify({ ...sample, [field]: wrong }));
      if (reply.status === 200) continue; // the wrong value happened to be a valid one
      expect(reply.status, `${method}.${field}`).toBeLessThan(500);
      const { message } = (reply.json as { error: { message: string } }).error;
      // Sentences about the farm itself (an unknown coin, no price yet) are the service's.
      if (!message.startsWith(`The ${method} request was not accepted.`)) continue;
      const named = message.includes(`${field}`) || message.includes(field.replace(/Pct$/, ''));
      if (!named || SHORTHAND.test(message)) {
        unclear.push(`${method} ${field}=${JSON.stringify(wrong)}: ${message}`);
      }
    }
    expect(unclear).toEqual([]);
  });
});
