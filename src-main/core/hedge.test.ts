import { describe, expect, it } from 'vitest';
import { dec } from '#shared/decimal';
import { hedgePlan, hedgePlanFromSnapshot } from './hedge';
import { sampleRig, sampleSettings } from './test-fixtures/sample-records';
import { buildSnapshot } from './snapshot';

const params = {
  coin: 'BTC',
  days: 30,
  hedgeRatio: '0.5',
  leverage: '5',
  maintenanceMarginRate: '0.005',
};

describe('hedgePlan', () => {
  it('shorts half of 30 days of 0.05625 BTC/day at 5× with isolated margin notional / leverage', () => {
    const plan = hedgePlan(params, { coinsPerDay: dec('0.05625'), priceUsd: dec('100000') });
    expect(plan).toMatchObject({
      expectedCoins: '1.6875',
      shortSize: '0.84375',
      entryPrice: '100000',
      marginUsd: '16875',
    });
    // Binance isolated short with cum 0: LP = EP·(1 + 1/leverage)/(1 + MMR) = 120,000 / 1.005.
    expect(dec(plan.liquidationPrice!).toDecimalPlaces(2).toFixed()).toBe('119402.99');
    expect(dec(plan.risePctToLiquidation!).toDecimalPlaces(2).toFixed()).toBe('19.4');
  });

  it('at 1× the short survives any price up to 2/(1 + MMR) of the entry', () => {
    const plan = hedgePlan(
      { ...params, leverage: '1', maintenanceMarginRate: '0' },
      { coinsPerDay: dec('0.1'), priceUsd: dec('50000') },
    );
    expect(plan.liquidationPrice).toBe('100000');
    expect(plan.risePctToLiquidation).toBe('100');
  });

  it('a zero hedge ratio shorts nothing and has no liquidation price', () => {
    const plan = hedgePlan(
      { ...params, hedgeRatio: '0' },
      { coinsPerDay: dec('0.05625'), priceUsd: dec('100000') },
    );
    expect(plan).toMatchObject({
      shortSize: '0',
      liquidationPrice: null,
      risePctToLiquidation: null,
      marginUsd: '0',
    });
  });
});

describe('hedgePlanFromSnapshot', () => {
  const snapshotFor = (withPrice: boolean) =>
    buildSnapshot({
      asOf: new Date('2024-06-01T00:00:00Z'),
      offline: false,
      settings: sampleSettings(),
      rigs: [sampleRig({ hashrate: '100', hashrateUnit: 'PH/s' })],
      loans: [],
      positions: [],
      prices: withPrice
        ? {
            BTC: {
              usd: '100000',
              source: 'manual',
              at: '2024-06-01T00:00:00Z',
              stale: false,
              manual: true,
              disputed: false,
              ageSec: 0,
            },
          }
        : {},
      network: {
        BTC: {
          difficulty: '111758708953857.42',
          blockReward: '3.125',
          source: 'manual',
          at: '2024-06-01T00:00:00Z',
          stale: false,
        },
      },
      rigLive: {},
      alerts: [],
      notices: [],
      scenario: null,
    });

  it('sizes the short from the farm’s production and the current price', () => {
    const outcome = hedgePlanFromSnapshot(snapshotFor(true), params);
    expect(outcome.ok && outcome.plan.shortSize).toBe('0.84375');
  });

  it('says why it cannot plan without a price', () => {
    const outcome = hedgePlanFromSnapshot(snapshotFor(false), params);
    expect(outcome).toEqual({
      ok: false,
      message: 'There is no BTC price yet, so the hedge cannot be sized.',
    });
  });
});
