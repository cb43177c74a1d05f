import { describe, expect, it } from 'vitest';
import type { Snapshot } from '#api/snapshot';
import { sampleLoan, samplePosition } from '#core/test-fixtures/sample-records';
import { historyValues } from './history';
import { openTestService } from './test-service';

describe('the series a poll stores', () => {
  it('prices, network figures, hash power and profit; no series per loan or position', async () => {
    const service = await openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });
    await service.call('prices.setManual', { asset: 'BTC', usd: '91000' });
    await service.call('network.setManual', {
      coin: 'BTC',
      difficulty: '149301205959699.9',
      height: 925000,
    });
    await service.call('rigs.create', {
      name: 'S21',
      coin: 'BTC',
      hashrate: '200',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
      quantity: 10,
    });
    const { id: _loan, ...loan } = sampleLoan({ startDate: '2026-11-01' });
    await service.call('loans.create', loan);
    const { id: _position, ...position } = samplePosition({ openedAt: '2026-11-20T00:00:00Z' });
    await service.call('positions.create', position);

    const values = historyValues((await service.call('snapshot.get', {})) as Snapshot);
    expect(Object.keys(values).sort()).toEqual([
      'farm.profitUsdPerDay',
      'farm.revenueUsdPerDay',
      'hashpower.BTC.nominal',
      'network.BTC.difficulty',
      'network.BTC.hashrateHs',
      'price.BTC',
    ]);
    expect(values['network.BTC.difficulty']).toBe('149301205959699.9');
    expect(values['price.BTC']).toBe('91000');
  });
});
