import { describe, expect, it } from 'vitest';
import type { Alert, Position } from '#api/records';
import type { PositionView, Snapshot } from '#api/snapshot';
import { BINANCE_BTCUSDT_BRACKETS } from '#core/test-fixtures/position-brackets';
import { samplePosition } from '#core/test-fixtures/sample-records';
import { openTestService } from './test-service';

// Position figures through the contract alone: positions.create, then snapshot.get, as the
// dashboard and any script see them. Every number is worked from the exchanges' published
// formulas (docs/formulas-positions.md).

async function book(markUsd: string, positions: Partial<Position>[]) {
  const service = await openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });
  await service.call('prices.setManual', { asset: 'BTC', usd: markUsd });
  for (const overrides of positions) {
    const { id: _id, ...input } = samplePosition({
      openedAt: '2026-11-20T00:00:00Z',
      ...overrides,
    });
    await service.call('positions.create', input);
  }
  const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
  const bySide = (side: string): PositionView | undefined =>
    snapshot.positions.find((p) => p.side === side);
  return { service, snapshot, bySide };
}

const cross = { account: 'Main', marginMode: 'cross' as const, walletBalance: '10000' };

describe('hedge mode through the contract (Binance USDⓈ-M FAQ, cross margin)', () => {
  it('a LONG 2 BTC at 60,000 and a SHORT 1 BTC at 62,000 on a 10,000 USDT wallet share 48,629.44', async () => {
    const { bySide } = await book('60000', [
      { ...cross, side: 'long', size: '2' },
      { ...cross, side: 'short', entryPrice: '62000' },
    ]);
    for (const side of ['long', 'short']) {
      expect(bySide(side)).toMatchObject({
        liquidationShared: true,
        liquidationDirection: 'fall',
        status: 'safe',
      });
      expect(bySide(side)?.liquidationPrice?.slice(0, 8)).toBe('48629.44');
    }
  });

  it('one leg alone gives the one-way price (the SPEC example, cross wallet of 6,000)', async () => {
    const { bySide } = await book('60000', [{ ...cross, walletBalance: '6000' }]);
    expect(bySide('long')?.liquidationShared).toBe(false);
    expect(bySide('long')?.liquidationPrice?.slice(0, 8)).toBe('54221.10');
  });

  it('the net-long account’s short leg raises no alert as the price rises, and both legs warn on a fall', async () => {
    const { service } = await book('66000', [
      { ...cross, side: 'long', size: '2' },
      { ...cross, side: 'short', entryPrice: '62000' },
    ]);
    expect((await service.call('alerts.list', {})) as Alert[]).toEqual([]);
    await service.call('prices.setManual', { asset: 'BTC', usd: '80000' });
    expect((await service.call('alerts.list', {})) as Alert[]).toEqual([]);
    const high = (await service.call('snapshot.get', {})) as Snapshot;
    const shortLeg = high.positions.find((p) => p.side === 'short');
    // 39.2 % of fall room: (80,000 − 48,629.44) / 80,000.
    expect(shortLeg?.distanceToLiquidationPct?.slice(0, 5)).toBe('39.21');
    await service.call('prices.setManual', { asset: 'BTC', usd: '66000' });
    await service.call('prices.setManual', { asset: 'BTC', usd: '52000' });
    const alerts = (await service.call('alerts.list', {})) as Alert[];
    expect(alerts.map((a) => [a.rule, a.severity])).toEqual([
      ['position.liquidation', 'warning'],
      ['position.liquidation', 'warning'],
    ]);
    expect(alerts[0]?.message).toContain('shared by its hedge-mode legs');
  });
});

describe('maintenance brackets through the contract', () => {
  const fiveBtc = {
    size: '5',
    entryPrice: '50500',
    leverage: '20',
    walletBalance: '12625',
    maintenanceBrackets: BINANCE_BTCUSDT_BRACKETS,
  };

  it('uses the bracket at the liquidation price: 48,206.03 at 0.5 %, not 48,196.97 at the entry’s 1 %', async () => {
    const { bySide } = await book('60000', [fiveBtc]);
    expect(bySide('long')?.liquidationPrice?.slice(0, 8)).toBe('48206.03');
    expect(bySide('long')?.liquidationMaintenanceMarginRate).toBe('0.005');
  });

  it('refuses brackets out of order and stores nothing', async () => {
    const { service } = await book('60000', []);
    const { id: _id, ...input } = samplePosition({
      maintenanceBrackets: [...BINANCE_BTCUSDT_BRACKETS].reverse(),
    });
    await expect(service.call('positions.create', input)).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('smallest notional cap up'),
    });
    expect(await service.call('positions.list', {})).toEqual([]);
  });

  it('leverage beyond the bracket’s maximum is status check, with the sentence, and no alert', async () => {
    const { service, bySide } = await book('48500', [{ ...fiveBtc, leverage: '75' }]);
    expect(bySide('long')?.status).toBe('check');
    expect(bySide('long')?.checkReason).toContain('more than the 50× Binance allows');
    expect((await service.call('alerts.list', {})) as Alert[]).toEqual([]);
  });
});

describe('ROE, margin and margin ratio through the contract', () => {
  it('Binance style divides by the margin at the mark; Bybit style by the margin at entry', async () => {
    const { snapshot } = await book('63000', [
      { exchange: 'Binance' },
      { exchange: 'Bybit', formula: 'maintenance-at-entry' },
    ]);
    const [binance, bybit] = snapshot.positions;
    // uPnL +3,000: on 63,000 / 10 = 6,300 → 47.62 %; on 60,000 / 10 = 6,000 → 50 %.
    expect(binance?.roePct?.slice(0, 5)).toBe('47.61');
    expect(binance?.marginUsd).toBe('6300');
    expect(bybit?.roePct).toBe('50');
    expect(bybit?.marginUsd).toBe('6000');
  });

  it('margin ratio = maintenance margin ÷ margin balance (isolated 1 BTC at 60,000 marked 58,000 → 6 %)', async () => {
    const { bySide } = await book('58000', [{}]);
    expect(bySide('long')?.marginRatioPct).toBe('6');
  });
});

describe('a position that cannot exist', () => {
  it('a long liquidating above its entry is check, and a mark next to its price raises nothing', async () => {
    // (200 + 50 − 60,000) / (0.005 − 1) = 60,050.25.
    const { service, bySide } = await book('60100', [{ walletBalance: '200' }]);
    expect(bySide('long')).toMatchObject({ status: 'check' });
    expect(bySide('long')?.checkReason).toContain('at or above its entry $60,000.00');
    expect((await service.call('alerts.list', {})) as Alert[]).toEqual([]);
  });
});
