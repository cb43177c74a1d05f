import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methods } from '#api/methods';
import type { Snapshot } from '#api/snapshot';
import { openTestService } from './test-service';

// notices.list / notices.dismiss: what happened to the data files stays on the
// dashboard until the operator dismisses it, and only then.

describe('store notices through the contract', () => {
  it('are in the Snapshot and notices.list until dismissed, across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rigledger-notices-'));
    await writeFile(join(dataDir, 'rigledger.json'), '{"schemaVersion": 2, "rigs": [');
    const first = await openTestService({ dataDir, now: () => new Date('2026-11-24T17:05:00Z') });
    const listed = methods['notices.list'].result.parse(await first.call('notices.list', {}));
    expect(listed).toEqual([
      expect.objectContaining({
        kind: 'recovered-empty',
        id: 'recovered-empty-2026-11-24T17-05-00Z',
      }),
    ]);
    expect(((await first.call('snapshot.get', {})) as Snapshot).notices).toEqual(listed);
    await first.close();

    const second = await openTestService({ dataDir });
    expect(await second.call('notices.list', {})).toEqual(listed);
    expect(await second.call('notices.dismiss', { id: listed[0]!.id })).toEqual([]);
    expect(((await second.call('snapshot.get', {})) as Snapshot).notices).toEqual([]);
    await expect(second.call('notices.dismiss', { id: listed[0]!.id })).rejects.toMatchObject({
      code: 'not_found',
      message: `There is no notice "${listed[0]!.id}"; it may have been dismissed already.`,
    });
    await second.close();

    const third = await openTestService({ dataDir });
    expect(await third.call('notices.list', {})).toEqual([]);
  });

  it('refuses a dismiss without an id', async () => {
    const service = await openTestService();
    await expect(service.call('notices.dismiss', {})).rejects.toMatchObject({
      code: 'invalid_params',
    });
  });
});
