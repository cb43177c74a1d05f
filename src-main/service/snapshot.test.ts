import { describe, expect, it } from 'vitest';
import type { Snapshot } from '#api/snapshot';
import { sampleLoan, samplePosition, sampleRig } from '#core/test-fixtures/sample-records';
import { openTestService } from './test-service';

// A past day's books hold only the records that existed that day; today holds them all.

describe('snapshot.get as of a past date', () => {
  it('leaves out loans not yet taken, positions not yet opened and rigs not yet bought', async () => {
    const service = await openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });
    await service.call('prices.setManual', { asset: 'BTC', usd: '90000' });
    const { id: _l, ...loan } = sampleLoan({ startDate: '2026-11-01' });
    const { id: _p, ...position } = samplePosition({ openedAt: '2026-11-20T09:00:00Z' });
    const { id: _r, ...rig } = sampleRig({ purchasedAt: '2026-11-10' });
    await service.call('loans.create', loan);
    await service.call('positions.create', position);
    await service.call('rigs.create', rig);

    const october = (await service.call('snapshot.get', {
      asOf: '2026-10-31T23:59:59Z',
    })) as Snapshot;
    expect([october.loans.length, october.positions.length, october.rigs.length]).toEqual([
      0, 0, 0,
    ]);
    expect(october.farm.debtUsd).toBe('0');

    const nov15 = (await service.call('snapshot.get', {
      asOf: '2026-11-15T23:59:59Z',
    })) as Snapshot;
    expect([nov15.loans.length, nov15.positions.length, nov15.rigs.length]).toEqual([1, 0, 1]);

    const today = (await service.call('snapshot.get', {})) as Snapshot;
    expect([today.loans.length, today.positions.length, today.rigs.length]).toEqual([1, 1, 1]);
  });

  it('shows a loan that starts in the future on today’s dashboard', async () => {
    const service = await openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });
    const { id: _l, ...loan } = sampleLoan({ startDate: '2026-12-01' });
    await service.call('loans.create', loan);
    const today = (await service.call('snapshot.get', {})) as Snapshot;
    expect(today.loans).toHaveLength(1);
  });
});
