import { describe, expect, it } from 'vitest';
import type { Position } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import { decimalFromCcxt, exchangeSymbol } from './ccxt-import';
import { openTestService } from './test-service';

// Positions saved from ccxt's fetchPositions(): floats become decimal strings through
// String(), inverse contracts are recognised by their settle currency, symbols are stored
// as the exchange writes them, and unusable entries are listed in words while the good
// ones are imported.

const start = () => openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });

interface ImportResult {
  rows: { index: number; ok: boolean; symbol?: string; skipped?: boolean; error?: string }[];
  created: number;
  rejected: number;
  missingMaintenanceMargin: number;
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
    expect(() => decimalFromCcxt(Number.NaN, 'leverage')).toThrow(
      'the leverage is NaN, not a number',
    );
    expect(() => decimalFromCcxt(Number.POSITIVE_INFINITY, 'size')).toThrow(
      'size is Infinity, not a number',
    );
    expect(() => decimalFromCcxt('12,5', 'price')).toThrow('price is "12,5", not a number');
  });
});

describe('exchangeSymbol', () => {
  it('writes a ccxt symbol the way the exchange does', () => {
    expect(exchangeSymbol('BTC/USDT:USDT')).toBe('BTCUSDT');
    expect(exchangeSymbol('BTC/USD:BTC')).toBe('BTCUSD');
    expect(exchangeSymbol('BTC/USD:BTC-261225')).toBe('BTCUSD-261225');
    expect(exchangeSymbol('kas/usdt:usdt')).toBe('KASUSDT');
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
      symbol: 'BTCUSDT',
      formula: 'maintenance-at-liquidation',
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
      symbol: 'BTCUSD',
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

  it('imports the usable entries and lists the others with their place and the reason in words', async () => {
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

    expect(result.created).toBe(1);
    expect(result.rejected).toBe(6);
    expect(result.message).toBe(
      '1 position imported. 6 positions have problems and are left out: fix them and import them again.',
    );
    expect(result.rows.map((r) => r.error)).toEqual([
      undefined,
      'Position 2: The entry price is missing.',
      'Position 3: The leverage is NaN, not a number.',
      'Position 4: The symbol "BTC/USDT" is not a ccxt derivatives symbol such as "BTC/USDT:USDT".',
      'Position 5: The contract size is missing (an inverse contract is worth a fixed USD amount).',
      expect.stringMatching(/^Position 6: Maintenance margin rate: Must be between 0 and 1/),
      'Position 7: It is not a position (expected an object from fetchPositions()).',
    ]);
    for (const row of result.rows)
      expect(row.error ?? '').not.toMatch(/entryPrice|contractSize|maintenanceMarginRate:/);
    expect(await service.call('positions.list', {})).toHaveLength(1);
  });

  it('asks once for the maintenance margin rate the file leaves out, and uses it for every such entry', async () => {
    const service = await start();
    const positions = [
      { ...LINEAR, maintenanceMarginPercentage: null },
      { ...LINEAR, symbol: 'ETH/USDT:USDT', maintenanceMarginPercentage: undefined },
      LINEAR,
    ];
    const asked = (await service.call('positions.importCcxt', {
      positions,
      account: 'Main',
      exchange: 'Bybit',
      dryRun: true,
    })) as ImportResult;
    expect(asked.missingMaintenanceMargin).toBe(2);
    expect(asked.rows[0]!.error).toBe(
      'Position 1: The file does not give its maintenance margin rate; enter the rate to use for every such position and check again.',
    );

    const done = (await service.call('positions.importCcxt', {
      positions,
      account: 'Main',
      exchange: 'Bybit',
      defaultMaintenanceMarginPct: '0.5',
    })) as ImportResult;
    expect(done).toMatchObject({ created: 3, rejected: 0, missingMaintenanceMargin: 0 });
    const stored = (await service.call('positions.list', {})) as Position[];
    expect(stored.map((p) => [p.symbol, p.maintenanceMarginRate, p.formula])).toEqual([
      ['BTCUSDT', '0.005', 'maintenance-at-entry'],
      ['ETHUSDT', '0.005', 'maintenance-at-entry'],
      ['BTCUSDT', '0.004', 'maintenance-at-entry'],
    ]);
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

describe('import.ccxtPositions with fetchLeverageTiers()', () => {
  // Binance's BTCUSDT brackets 1–3 as ccxt's unified LeverageTier structure: floats, the
  // exchange's own row (with "cum") in info.
  const BINANCE_TIERS = {
    'BTC/USDT:USDT': [
      {
        tier: 1,
        symbol: 'BTC/USDT:USDT',
        currency: 'USDT',
        minNotional: 0,
        maxNotional: 50_000,
        maintenanceMarginRate: 0.004,
        maxLeverage: 125,
        info: { bracket: '1', cum: '0.0' },
      },
      {
        tier: 2,
        symbol: 'BTC/USDT:USDT',
        currency: 'USDT',
        minNotional: 50_000,
        maxNotional: 250_000,
        maintenanceMarginRate: 0.005,
        maxLeverage: 100,
        info: { bracket: '2', cum: '50.0' },
      },
      {
        tier: 3,
        symbol: 'BTC/USDT:USDT',
        currency: 'USDT',
        minNotional: 250_000,
        maxNotional: 1_000_000,
        maintenanceMarginRate: 0.01,
        maxLeverage: 50,
        info: { bracket: '3', cum: '1300.0' },
      },
    ],
  };
  const FIVE_BTC = {
    ...LINEAR,
    contracts: 5,
    entryPrice: 50_500,
    leverage: 20,
    collateral: 12_625,
    maintenanceMarginPercentage: 0.01,
  };

  it('gives a position its brackets, and the liquidation price uses the bracket at that price', async () => {
    const service = await start();
    await service.call('prices.setManual', { asset: 'BTC', usd: '50500' });
    const result = (await service.call('import.ccxtPositions', {
      positions: [FIVE_BTC],
      account: 'Main',
      exchange: 'Binance',
      leverageTiers: BINANCE_TIERS,
    })) as ImportResult;
    expect(result.created).toBe(1);
    const [position] = (await service.call('positions.list', {})) as Position[];
    expect(position?.maintenanceBrackets).toEqual([
      {
        notionalCap: '50000',
        maintenanceMarginRate: '0.004',
        maintenanceAmount: '0',
        maxLeverage: '125',
      },
      {
        notionalCap: '250000',
        maintenanceMarginRate: '0.005',
        maintenanceAmount: '50',
        maxLeverage: '100',
      },
      {
        notionalCap: '1000000',
        maintenanceMarginRate: '0.01',
        maintenanceAmount: '1300',
        maxLeverage: '50',
      },
    ]);
    const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    // Binance USDⓈ-M FAQ, bracket 2 at the liquidation price: (12,625 + 50 − 252,500) / (0.025 − 5).
    expect(snapshot.positions[0]?.liquidationPrice?.slice(0, 8)).toBe('48206.03');
  });

  it('without "cum", the maintenance amount follows Binance’s formula: floor × (MMR − previous MMR) + previous amount', async () => {
    const service = await start();
    const withoutCum = BINANCE_TIERS['BTC/USDT:USDT'].map(({ info: _info, ...tier }) => tier);
    await service.call('import.ccxtPositions', {
      positions: [FIVE_BTC],
      account: 'Main',
      leverageTiers: withoutCum,
    });
    const [position] = (await service.call('positions.list', {})) as Position[];
    // 50,000 × (0.5 % − 0.4 %) + 0 = 50; 250,000 × (1 % − 0.5 %) + 50 = 1,300.
    expect(position?.maintenanceBrackets?.map((b) => b.maintenanceAmount)).toEqual([
      '0',
      '50',
      '1300',
    ]);
  });

  it('refuses tiers it cannot read, saying which, and stores nothing', async () => {
    const service = await start();
    const broken = {
      'BTC/USDT:USDT': [{ ...BINANCE_TIERS['BTC/USDT:USDT'][0], maxNotional: null }],
    };
    const result = (await service.call('import.ccxtPositions', {
      positions: [FIVE_BTC],
      account: 'Main',
      leverageTiers: broken,
    })) as ImportResult;
    expect(result.rows[0]?.error).toBe('Position 1: Tier 1 of BTC/USDT:USDT has no maxNotional.');
    const notATable = (await service.call('import.ccxtPositions', {
      positions: [FIVE_BTC],
      account: 'Main',
      leverageTiers: 'tiers',
    })) as ImportResult;
    expect(notATable.message).toBe(
      'Leverage tiers: the leverage tiers are not the object fetchLeverageTiers() returns; nothing was imported.',
    );
    expect(await service.call('positions.list', {})).toEqual([]);
  });
});
