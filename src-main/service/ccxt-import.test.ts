import { describe, expect, it } from 'vitest';
import type { Position } from '#api/records';
import { decimalFromCcxt } from './ccxt-import';
import { openTestService } from './test-service';

// Positions saved from ccxt's fetchPositions(): floats become decimal strings through
// String(), inverse contracts are recognised by their settle currency, and a file with
// one unusable entry stores nothing.

const start = () => openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });

interface ImportResult {
  rows: { index: number; ok: boolean; symbol?: string; skipped?: boolean; error?: string }[];
  created: number;
  message: string;
}

// As ccxt's unified Position structure comes out of JSON.parse: floats, nulls and all.
const LINEAR: Record<string, unknown> = {
  info: { symbol: 'BTCUSDT', positionAmt: '0.3' },
  id: null,
  symbol: 'BTC/USDT:USDT',
  timestamp: 1_763_900_000_000,
  datetime: '2025-11-23T12:13:20.000Z',
  contracts: 0.1 + 0.2,
  contractSize: 1,
  side: 'long',
  notional: 18_000.3,
  leverage: 10,
  unrealizedPnl: null,
  realizedPnl: null,
  collateral: 1800.03,
  entryPrice: 60_001.1,
  markPrice: 61_000,
  liquidationPrice: 54_321.5,
  marginMode: 'isolated',
  hedged: false,
  maintenanceMargin: null,
  maintenanceMarginPercentage: 0.004,
  initialMargin: null,
  initialMarginPercentage: null,
  marginRatio: null,
  lastUpdateTimestamp: null,
  lastPrice: null,
  stopLossPrice: null,
  takeProfitPrice: null,
  percentage: null,
};

const BINANCE_FILE: unknown[] = [
  LINEAR,
  {
    symbol: 'BTC/USD:BTC',
    datetime: null,
    timestamp: null,
    contracts: 30,
    contractSize: 100,
    side: 'short',
    leverage: null,
    initialMarginPercentage: 0.2,
    collateral: 0.0123,
    entryPrice: 65_000,
    liquidationPrice: 0,
    marginMode: 'cross',
    maintenanceMarginPercentage: 0.005,
  },
  {
    symbol: 'KAS/USDT:USDT',
    contracts: 20_000_000,
    contractSize: 0.0000001,
    side: 'long',
    leverage: 3,
    collateral: '12.5',
    entryPrice: '1.2e-1',
    marginMode: 'isolated',
    maintenanceMarginPercentage: 0.01,
  },
  { symbol: 'ETH/USDT:USDT', contracts: 0, side: 'long', entryPrice: null, marginMode: 'cross' },
];

describe('decimalFromCcxt', () => {
  it('keeps the digits the exchange sent and never an exponent', () => {
    expect(decimalFromCcxt(0.1 + 0.2, 'x')).toBe('0.30000000000000004');
    expect(decimalFromCcxt(60_001.1, 'x')).toBe('60001.1');
    expect(decimalFromCcxt(1e-7, 'x')).toBe('0.0000001');
    expect(decimalFromCcxt(1e21, 'x')).toBe('1000000000000000000000');
    expect(decimalFromCcxt(' 42.5 ', 'x')).toBe('42.5');
    expect(decimalFromCcxt(null, 'x')).toBeUndefined();
    expect(() => decimalFromCcxt(Number.NaN, 'leverage')).toThrow('leverage is NaN, not a number');
    expect(() => decimalFromCcxt(Number.POSITIVE_INFINITY, 'size')).toThrow(
      'size is Infinity, not a number',
    );
    expect(() => decimalFromCcxt('12,5', 'price')).toThrow('price is "12,5", not a number');
  });
});

describe('import.ccxtPositions', () => {
  it('converts linear and inverse positions, floats and nulls included', async () => {
    const service = await start();

    const result = (await service.call('import.ccxtPositions', {
      positions: BINANCE_FILE,
      account: 'Main',
      exchange: 'Binance',
    })) as ImportResult;

    expect(result.rows).toEqual([
      { index: 1, ok: true, symbol: 'BTC/USDT:USDT' },
      { index: 2, ok: true, symbol: 'BTC/USD:BTC' },
      { index: 3, ok: true, symbol: 'KAS/USDT:USDT' },
      { index: 4, ok: true, symbol: 'ETH/USDT:USDT', skipped: true },
    ]);
    expect(result.created).toBe(3);
    expect(result.message).toBe('3 positions imported. 1 closed position was skipped.');
    const [linear, inverse, small] = (await service.call('positions.list', {})) as Position[];
    expect(linear).toMatchObject({
      account: 'Main',
      exchange: 'Binance',
      symbol: 'BTC/USDT:USDT',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      kind: 'linear',
      side: 'long',
      size: '0.30000000000000004',
      entryPrice: '60001.1',
      leverage: '10',
      marginMode: 'isolated',
      walletBalance: '1800.03',
      maintenanceMarginRate: '0.004',
      maintenanceAmount: '0',
      reportedLiquidationPrice: '54321.5',
      openedAt: '2025-11-23T12:13:20.000Z',
    });
    expect(linear).not.toHaveProperty('stopLoss');
    expect(inverse).toMatchObject({
      kind: 'inverse',
      side: 'short',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      size: '3000',
      leverage: '5',
      walletBalance: '0.0123',
      marginMode: 'cross',
      openedAt: '2026-11-24T12:00:00.000Z',
    });
    expect(inverse).not.toHaveProperty('reportedLiquidationPrice');
    expect(small).toMatchObject({ size: '2', entryPrice: '0.12', walletBalance: '12.5' });
  });

  it('refuses a file with unusable entries, says which and why, and stores nothing', async () => {
    const service = await start();
    const positions = [
      LINEAR,
      { ...LINEAR, entryPrice: null },
      { ...LINEAR, leverage: Number.NaN },
      { ...LINEAR, symbol: 'BTC/USDT' },
      { ...LINEAR, symbol: 'BTC/USD:BTC', contractSize: null },
      { ...LINEAR, maintenanceMarginPercentage: 1.5 },
      'not a position',
    ];

    const result = (await service.call('import.ccxtPositions', {
      positions,
      account: 'Main',
    })) as ImportResult;

    expect(result.created).toBe(0);
    expect(result.message).toBe('6 of 7 positions have problems; nothing was imported.');
    expect(result.rows.map((r) => r.error)).toEqual([
      undefined,
      'Position 2: entryPrice is missing.',
      'Position 3: leverage is NaN, not a number.',
      'Position 4: symbol "BTC/USDT" is not a ccxt derivatives symbol such as "BTC/USDT:USDT".',
      'Position 5: contractSize is missing (an inverse contract is worth a fixed USD amount).',
      expect.stringMatching(/^Position 6: maintenanceMarginRate: Must be between 0 and 1/),
      'Position 7: it is not a position object.',
    ]);
    expect(await service.call('positions.list', {})).toEqual([]);
  });

  it('stores nothing on a dry run', async () => {
    const service = await start();
    const result = (await service.call('import.ccxtPositions', {
      positions: BINANCE_FILE,
      account: 'Main',
      dryRun: true,
    })) as ImportResult;
    expect(result.created).toBe(0);
    expect(result.rows.every((r) => r.ok)).toBe(true);
    expect(await service.call('positions.list', {})).toEqual([]);
  });
});
