import { describe, expect, it } from 'vitest';
import type { RealisedPnl } from '#api/realised-pnl';
import { openTestService } from './test-service';

// Realised PnL entered by hand through the contract.

const start = () => openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });

describe('realised PnL entries', () => {
  it('are added, listed by date and removed', async () => {
    const service = await start();
    const loss = (await service.call('pnl.add', {
      date: '2026-11-02',
      amountUsd: '-1250.50',
      note: 'BTC short closed',
    })) as RealisedPnl;
    const gain = (await service.call('pnl.add', {
      date: '2026-10-15',
      amountUsd: '300',
    })) as RealisedPnl;

    expect(loss).toMatchObject({
      id: expect.stringMatching(/^pnl-/),
      date: '2026-11-02',
      amountUsd: '-1250.50',
      note: 'BTC short closed',
    });
    expect(((await service.call('pnl.list', {})) as RealisedPnl[]).map((e) => e.id)).toEqual([
      gain.id,
      loss.id,
    ]);

    expect(await service.call('pnl.remove', { id: gain.id })).toEqual({ id: gain.id });
    expect(((await service.call('pnl.list', {})) as RealisedPnl[]).map((e) => e.id)).toEqual([
      loss.id,
    ]);
  });

  it('refuses a bad amount, a future date, an unknown position or id, and stores nothing', async () => {
    const service = await start();
    await expect(
      service.call('pnl.add', { date: '2026-11-02', amountUsd: '1,250' }),
    ).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('amountUsd: Enter a plain decimal number'),
    });
    await expect(
      service.call('pnl.add', { date: '2026-12-01', amountUsd: '10' }),
    ).rejects.toMatchObject({
      message: 'A realised result cannot be dated after today (2026-11-24).',
    });
    await expect(
      service.call('pnl.add', { date: '2026-11-01', amountUsd: '10', positionId: 'pos-x' }),
    ).rejects.toMatchObject({
      message: 'No position has the id "pos-x".',
    });
    await expect(service.call('pnl.remove', { id: 'pnl-x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await service.call('pnl.list', {})).toEqual([]);
  });
});
