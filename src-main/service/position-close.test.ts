import { describe, expect, it } from 'vitest';
import type { ResultOf } from '#api/methods';
import type { Position } from '#api/records';
import { samplePosition } from '#core/test-fixtures/sample-records';
import { openTestService } from './test-service';

// positions.close: a position closed on the exchange leaves the book, and what it realised
// is recorded for the monthly review, at the operator's exit price or the mark.

const NOW = '2026-11-24T12:00:00Z';
const start = () => openTestService({ now: () => new Date(NOW) });

const { id: _id, ...LONG } = samplePosition();

async function open(service: Awaited<ReturnType<typeof start>>, input = LONG) {
  return (await service.call('positions.create', input)) as Position;
}

describe('closing a position', () => {
  it('records the PnL at the price the operator enters and removes the position', async () => {
    const service = await start();
    const position = await open(service);

    const closed = (await service.call('positions.close', {
      id: position.id,
      exitPrice: '61500',
    })) as ResultOf<'positions.close'>;

    // Long 1 BTC from 60,000 to 61,500: +1,500.
    expect(closed.realisedPnl).toMatchObject({
      date: '2026-11-24',
      amountUsd: '1500',
      positionId: position.id,
      note: 'Closed Binance BTCUSDT long 1 at $61,500.00 (entry $60,000.00).',
    });
    expect(await service.call('positions.list', {})).toEqual([]);
    expect(await service.call('pnl.list', {})).toEqual([closed.realisedPnl]);
    const review = (await service.call('review.get', {
      asOf: '2026-11-24',
      months: 1,
    })) as ResultOf<'review.get'>;
    expect(review.months[0]?.realisedPnlUsd).toBe('1500');
  });

  it('closes at the mark price when no exit price is given', async () => {
    const service = await start();
    await service.call('prices.setManual', { asset: 'BTC', usd: '57000' });
    const position = await open(service, { ...LONG, side: 'short' });
    const closed = (await service.call('positions.close', {
      id: position.id,
    })) as ResultOf<'positions.close'>;
    // Short 1 BTC from 60,000, marked at 57,000: +3,000.
    expect(closed).toMatchObject({ exitPrice: '57000', realisedPnl: { amountUsd: '3000' } });
  });

  it('refuses without a mark or an exit price, a date after today and an unknown id, changing nothing', async () => {
    const service = await start();
    const position = await open(service);
    await expect(service.call('positions.close', { id: position.id })).rejects.toMatchObject({
      code: 'invalid_params',
      message:
        'There is no BTC mark price to close at; enter the price the position was closed at.',
    });
    await expect(
      service.call('positions.close', { id: position.id, exitPrice: '1', date: '2026-11-25' }),
    ).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(service.call('positions.close', { id: 'pos-gone' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await service.call('positions.list', {})).toHaveLength(1);
    expect(await service.call('pnl.list', {})).toEqual([]);
  });
});

describe('a new position’s liquidation formula', () => {
  it('follows its exchange unless one is given', async () => {
    const service = await start();
    const { formula: _formula, ...withoutFormula } = LONG;
    const bybit = await open(service, { ...withoutFormula, exchange: 'Bybit' } as typeof LONG);
    const okx = await open(service, { ...withoutFormula, exchange: 'OKX' } as typeof LONG);
    const chosen = await open(service, {
      ...LONG,
      exchange: 'Bybit',
      formula: 'maintenance-at-liquidation',
    });
    expect([bybit.formula, okx.formula, chosen.formula]).toEqual([
      'maintenance-at-entry',
      'maintenance-at-liquidation',
      'maintenance-at-liquidation',
    ]);
  });
});
