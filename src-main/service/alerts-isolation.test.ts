import { describe, expect, it } from 'vitest';
import type { Alert } from '#api/records';
import { samplePosition, sampleRig } from '#core/test-fixtures/sample-records';
import { openTestService } from './test-service';

// One absurd record must never silence the alerts of the others.

const { id: _pid, ...LONG_BTC } = samplePosition({ openedAt: '2026-11-20T00:00:00Z' });
const { id: _rid, ...RIG } = sampleRig();

describe('a farm holding a rig with a 40-digit power draw', () => {
  it('still raises the liquidation alert of a position in danger', async () => {
    const logged: string[] = [];
    const service = await openTestService({
      now: () => new Date('2026-11-24T12:00:00Z'),
      log: (line) => logged.push(line),
    });
    await service.call('settings.update', { electricityPerKwh: '0.08' });
    await service.call('prices.setManual', { asset: 'BTC', usd: '60000' });
    await service.call('network.setManual', {
      coin: 'BTC',
      difficulty: '111758708953857.42',
      blockReward: '3.125',
    });
    // Accepted by the contract: 40 digits is the most a decimal field takes.
    await service.call('rigs.create', { ...RIG, powerWatts: '9'.repeat(40), quantity: 1000 });
    await service.call('positions.create', LONG_BTC);
    await service.call('prices.setManual', { asset: 'BTC', usd: '56000' });

    const active = (await service.call('alerts.list', {})) as Alert[];
    expect(active.find((a) => a.rule === 'position.liquidation')?.severity).toBe('critical');
    // The farm's loss is a 41-digit figure: it is stored and shown like any other.
    expect(active.find((a) => a.rule === 'farm.unprofitable')?.value).toMatch(/^-\d{40,}$/);
    expect(logged.filter((line) => line.includes('could not'))).toEqual([]);
  });
});
