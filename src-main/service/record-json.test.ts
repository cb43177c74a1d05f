import { describe, expect, it } from 'vitest';
import type { Snapshot } from '#api/snapshot';
import { snapshotBytes, snapshotJson } from './record-json';
import { openTestService } from './test-service';

// snapshot.get over HTTP is written from the rows' remembered JSON: it must read back as
// exactly the Snapshot, before and after a change that keeps most rows.

describe('snapshotJson', () => {
  it('reads back as the Snapshot itself, rows changed or not', async () => {
    const service = await openTestService({ now: () => new Date('2026-12-01T12:00:00Z') });
    await service.call('prices.setManual', { asset: 'BTC', usd: '90000', confirm: true });
    const rig = {
      coin: 'BTC',
      hashrate: '200',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
      quantity: 1,
      poolFeePct: '2',
      status: 'active',
    };
    await service.call('rigs.create', { ...rig, name: 'A' });
    const b = (await service.call('rigs.create', { ...rig, name: 'B', notes: 'spare' })) as {
      id: string;
    };
    const first = (await service.call('snapshot.get', {})) as Snapshot;
    expect(JSON.parse(snapshotJson(first))).toEqual(JSON.parse(JSON.stringify(first)));

    await service.call('rigs.update', { id: b.id, patch: { notes: null, quantity: 3 } });
    const second = (await service.call('snapshot.get', {})) as Snapshot;
    expect(second.rigs[0]).toBe(first.rigs[0]);
    const text = snapshotJson(second);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(second)));
    // The bytes an HTTP reply carries are the same text, encoded.
    expect(snapshotBytes(second).toString('utf8')).toBe(text);
    expect(snapshotBytes(first).toString('utf8')).toBe(snapshotJson(first));
    expect(text).not.toContain('spare');
    await service.close();
  });
});
