import { describe, expect, it } from 'vitest';
import { RpcError } from '#api/errors';
import { openTestService } from './test-service';

// Records through the contract: what is refused, with which sentence, and that a refusal
// changes nothing.

const service = () => openTestService();

async function refusal(promise: Promise<unknown>): Promise<RpcError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RpcError);
  return error as RpcError;
}

const POSITION = {
  account: 'Main',
  exchange: 'Bybit',
  symbol: 'BTCUSDT',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  kind: 'linear',
  side: 'short',
  size: '0.5',
  entryPrice: '90000',
  leverage: '5',
  marginMode: 'isolated',
  walletBalance: '9000',
  maintenanceMarginRate: '0.005',
  stopLoss: '99000',
  openedAt: '2026-11-20T08:00:00Z',
};

const LOAN = {
  lender: 'Harbor',
  principal: '100000',
  aprPct: '10',
  startDate: '2026-01-01',
  termMonths: 12,
  repayment: 'bullet',
  collateralAsset: 'BTC',
  collateralAmount: '3',
  marginCallLtvPct: '70',
  liquidationLtvPct: '80',
};

describe('bad input is refused with a sentence that says what to fix', () => {
  it.each([
    ['a negative size', { ...POSITION, size: '-1' }, /size: Must be greater than 0/],
    ['leverage 0', { ...POSITION, leverage: '0' }, /leverage: Must be between 1 and 1000/],
    [
      'a price with a comma',
      { ...POSITION, entryPrice: '90,000' },
      /entryPrice: Enter a plain decimal number/,
    ],
  ])('positions.create with %s', async (_what, params, message) => {
    const s = await service();
    const error = await refusal(s.call('positions.create', params));
    expect(error.code).toBe('invalid_params');
    expect(error.message).toMatch(message);
    expect(await s.call('positions.list', {})).toEqual([]);
  });

  it('loans.create with LTV thresholds out of order', async () => {
    const s = await service();
    const error = await refusal(s.call('loans.create', { ...LOAN, marginCallLtvPct: '85' }));
    expect(error.message).toMatch(/margin-call LTV must be below the liquidation LTV/);
    expect(await s.call('loans.list', {})).toEqual([]);
  });

  it('rigs.create with an unknown coin', async () => {
    const s = await service();
    const error = await refusal(
      s.call('rigs.create', {
        name: 'Doge box',
        coin: 'DOGE',
        hashrate: '1',
        hashrateUnit: 'GH/s',
        powerWatts: '3000',
        quantity: 1,
      }),
    );
    expect(error.message).toBe(
      'The coin "DOGE" is unknown. Use one of BTC, LTC, KAS, ETC, or add it under Settings → Coins first.',
    );
  });

  it('an update that would break the record leaves it as it was', async () => {
    const s = await service();
    const loan = (await s.call('loans.create', LOAN)) as { id: string };
    const error = await refusal(
      s.call('loans.update', { id: loan.id, patch: { liquidationLtvPct: '60' } }),
    );
    expect(error.code).toBe('invalid_params');
    expect(await s.call('loans.list', {})).toEqual([loan]);
  });
});

describe('updates', () => {
  it('remove an optional field given as null and keep the rest', async () => {
    const s = await service();
    const position = (await s.call('positions.create', POSITION)) as {
      id: string;
      stopLoss?: string;
    };
    expect(position.stopLoss).toBe('99000');
    const updated = (await s.call('positions.update', {
      id: position.id,
      patch: { stopLoss: null, size: '0.4' },
    })) as Record<string, unknown>;
    expect(updated).not.toHaveProperty('stopLoss');
    expect(updated.size).toBe('0.4');
  });

  it('refuse null for a required field', async () => {
    const s = await service();
    const position = (await s.call('positions.create', POSITION)) as { id: string };
    const error = await refusal(
      s.call('positions.update', { id: position.id, patch: { size: null } }),
    );
    expect(error.code).toBe('invalid_params');
  });

  it('name a missing record in the error', async () => {
    const s = await service();
    const error = await refusal(s.call('rigs.update', { id: 'rig-gone', patch: { name: 'x' } }));
    expect(error).toMatchObject({
      code: 'not_found',
      message: 'No rig has the id "rig-gone"; it may have been removed.',
    });
  });
});

describe('a one-field update', () => {
  it('leaves every other field as it was, defaults included', async () => {
    const s = await service();
    const position = (await s.call('positions.create', {
      ...POSITION,
      formula: 'maintenance-at-entry',
      maintenanceAmount: '50',
    })) as Record<string, unknown>;
    const updated = await s.call('positions.update', {
      id: position.id,
      patch: { account: 'Bybit main' },
    });
    expect(updated).toEqual({ ...position, account: 'Bybit main' });

    const loan = (await s.call('loans.create', {
      ...LOAN,
      currency: 'USDC',
      dayCount: 360,
    })) as Record<string, unknown>;
    expect(await s.call('loans.update', { id: loan.id, patch: { lender: 'NW' } })).toEqual({
      ...loan,
      lender: 'NW',
    });
  });
});

describe('settings and numbers that cannot be right', () => {
  it('refuse a custom coin named like a built-in one or listed twice, and thresholds out of order', async () => {
    const s = await service();
    const coin = {
      symbol: 'BTC',
      algorithm: 'SHA-256',
      blockTimeSec: '600',
      hashesPerDifficulty: '1',
    };
    expect((await refusal(s.call('settings.update', { coins: [coin] }))).message).toMatch(
      /BTC is built in/,
    );
    const doge = { ...coin, symbol: 'DOGE', algorithm: 'Scrypt', blockTimeSec: '60' };
    expect((await refusal(s.call('settings.update', { coins: [doge, doge] }))).message).toMatch(
      /DOGE is listed twice/,
    );
    const order = await refusal(
      s.call('settings.update', {
        thresholds: { positionWarningPct: '3', positionCriticalPct: '5' },
      }),
    );
    expect(order.message).toMatch(
      /critical distance to liquidation must be smaller than the warning/,
    );
    expect(await s.call('settings.get', {})).toMatchObject({
      coins: [],
      thresholds: { positionWarningPct: '10' },
    });
  });

  it('refuse a manual price with an absurd number of digits', async () => {
    const s = await service();
    const error = await refusal(s.call('prices.setManual', { asset: 'BTC', usd: '9'.repeat(200) }));
    expect(error.message).toMatch(/too many digits/);
  });
});
