import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContractHost, type ContractHost } from './contract-fixture';
import { MAX_BACKUP_BODY_BYTES } from './rpc';

// Uploads are refused by their size before anything reads them: a body past the limit is
// answered too_large even when it is not JSON at all (it was never parsed), and a CSV
// inside the body limit but past the text limit is refused before it is parsed.

let host: ContractHost;
beforeAll(async () => {
  host = await openContractHost();
});
afterAll(async () => {
  await host.service.close();
});

describe('an upload over the size limit', () => {
  it.each(['import.rigsCsv', 'import.ccxtPositions', 'backup.import', 'backup.preview'])(
    '%s is refused by size before it is parsed',
    async (method) => {
      const before = await host.stored();
      const notJson = 'x'.repeat(MAX_BACKUP_BODY_BYTES + 1);
      const reply = await host.rpc(method, notJson);
      expect(reply.status).toBe(413);
      expect(reply.json).toMatchObject({
        error: {
          code: 'too_large',
          message: 'The request is larger than the 16 MiB this call accepts.',
        },
      });
      expect(await host.stored()).toBe(before);
    },
  );

  it('a rigs CSV over 5 MB of text is refused before it is parsed', async () => {
    const csv = `name,coin\n${'"unterminated'.repeat(420_000)}`;
    const started = performance.now();
    const reply = await host.rpc('import.rigsCsv', JSON.stringify({ csv }));
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      error: {
        message: expect.stringContaining('That CSV is over 5 MB; split it into smaller files.'),
      },
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
