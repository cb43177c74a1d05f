import { describe, expect, it } from 'vitest';
import { RpcError } from '#api/errors';
import { manualPriceJumpSchema, type Alert } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import { samplePosition } from '#core/test-fixtures/sample-records';
import { openTestService } from './test-service';

// Manual prices through the contract: a typo of one digit is caught before it can raise
// a liquidation alert, and an alert computed from a manual price says so.

async function refusal(promise: Promise<unknown>): Promise<RpcError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RpcError);
  return error as RpcError;
}

const { id: _id, ...LONG_BTC } = samplePosition({ openedAt: '2026-11-20T00:00:00Z' });

describe('prices.setManual', () => {
  it('refuses 6,200 typed for a 62,000 BTC, names both numbers and changes nothing', async () => {
    const service = await openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });
    await service.call('prices.setManual', { asset: 'BTC', usd: '62000' });
    await service.call('positions.create', LONG_BTC);

    const error = await refusal(service.call('prices.setManual', { asset: 'BTC', usd: '6200' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      '$6,200.00 for BTC is -90 % from the last known price of $62,000.00. Did you mean $62,000.00? Nothing was changed; confirm to use $6,200.00 anyway.',
    );
    expect(manualPriceJumpSchema.parse(error.details)).toEqual({
      asset: 'BTC',
      lastUsd: '62000',
      proposedUsd: '6200',
      changePct: '-90',
      suggestedUsd: '62000',
    });
    const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    expect(snapshot.prices.BTC?.usd).toBe('62000');
    expect(snapshot.alerts).toEqual([]);
  });

  it('takes the jump when confirmed, and the alert it raises says the price was manual', async () => {
    const service = await openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });
    await service.call('prices.setManual', { asset: 'BTC', usd: '62000' });
    await service.call('positions.create', LONG_BTC);

    await service.call('prices.setManual', { asset: 'BTC', usd: '6200', confirm: true });
    const alerts = (await service.call('alerts.list', {})) as Alert[];
    const liquidation = alerts.find((a) => a.rule === 'position.liquidation');
    expect(liquidation?.message).toContain('Computed with BTC at the manual price of $6,200.00.');
  });

  it('takes a move within 30 % and a first price without asking', async () => {
    const service = await openTestService();
    await service.call('prices.setManual', { asset: 'KAS', usd: '0.1' });
    await service.call('prices.setManual', { asset: 'KAS', usd: '0.13' });
    await service.call('prices.setManual', { asset: 'KAS', usd: '0.091' });
    const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    expect(snapshot.prices.KAS?.usd).toBe('0.091');
  });
});
