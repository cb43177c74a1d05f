import { describe, expect, it } from 'vitest';
import { methods } from '#api/methods';
import type { Snapshot } from '#api/snapshot';
import { openTestService } from './test-service';

// `snapshot.summary`: the farm figures and the positions nearest liquidation, without the
// record lists.

const NOW = new Date('2026-12-01T12:00:00.000Z');

const position = (walletBalance: string) => ({
  account: 'Main',
  exchange: 'Bybit',
  symbol: 'BTCUSDT',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  kind: 'linear',
  side: 'short',
  size: '1',
  entryPrice: '90000',
  leverage: '5',
  marginMode: 'isolated',
  walletBalance,
  maintenanceMarginRate: '0.005',
  openedAt: '2026-11-20T08:00:00Z',
});

describe('snapshot.summary', () => {
  it('gives the farm figures and the N positions nearest liquidation, nearest first', async () => {
    const service = await openTestService({ now: () => NOW });
    await service.call('prices.setManual', { asset: 'BTC', usd: '90000', confirm: true });
    // A short's liquidation is nearer the less margin it holds.
    for (const wallet of ['20000', '5000', '40000', '10000'])
      await service.call('positions.create', position(wallet));

    const summary = methods['snapshot.summary'].result.parse(
      await service.call('snapshot.summary', { worst: 2 }),
    );
    const full = (await service.call('snapshot.get', {})) as Snapshot;
    expect(summary.worst.positions.map((p) => p.walletBalance)).toEqual(['5000', '10000']);
    const distances = summary.worst.positions.map((p) => Number(p.distanceToLiquidationPct));
    expect(distances[0]).toBeLessThan(distances[1] ?? 0);
    expect(summary.counts).toEqual({ rigs: 0, loans: 0, positions: 4 });
    expect(summary.farm).toEqual(full.farm);
    expect(summary.prices['BTC']?.usd).toBe('90000');
    expect(summary).not.toHaveProperty('rigs');
  });

  it('refuses a count it cannot give', async () => {
    const service = await openTestService({ now: () => NOW });
    await expect(service.call('snapshot.summary', { worst: 0 })).rejects.toMatchObject({
      code: 'invalid_params',
    });
  });
});
