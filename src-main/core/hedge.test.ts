import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '#api/records';
import { dec } from '#shared/decimal';
import { hedgePlan, hedgePlanFromSnapshot } from './hedge';
import { samplePosition, sampleRig, sampleSettings } from './test-fixtures/sample-records';
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
  const snapshotFor = (withPrice: boolean, positions: Position[] = []) =>
    buildSnapshot({
      asOf: new Date('2024-06-01T00:00:00Z'),
      offline: false,
      settings: sampleSettings(),
      rigs: [sampleRig({ hashrate: '100', hashrateUnit: 'PH/s' })],
      loans: [],
      positions,
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

  // 100 PH/s mines 0.05625 BTC a day: 1.6875 BTC in 30 days, half of it 0.84375 BTC.
  const short = (size: string, kind: 'linear' | 'inverse' = 'linear') =>
    samplePosition({ id: `pos-${size}-${kind}`, side: 'short', size, kind });

  it('counts the shorts already open against the production and proposes only the rest', () => {
    const outcome = hedgePlanFromSnapshot(snapshotFor(true, [short('0.5')]), params);
    expect(outcome.ok && outcome.plan).toMatchObject({
      targetShortCoins: '0.84375',
      openShortCoins: '0.5',
      shortSize: '0.34375',
      status: 'to-open',
      message:
        'Open a further 0.34375 BTC short: 0.5 BTC of the 0.84375 BTC to hedge is already short.',
    });
  });

  it('proposes nothing when the open shorts already cover the hedge', () => {
    // An inverse short of $50,000 at $100,000 is 0.5 BTC; with 0.5 BTC linear, 1 BTC in all.
    const outcome = hedgePlanFromSnapshot(
      snapshotFor(true, [short('0.5'), short('50000', 'inverse')]),
      params,
    );
    expect(outcome.ok && outcome.plan).toMatchObject({
      openShortCoins: '1',
      shortSize: '0',
      status: 'hedged',
      liquidationPrice: null,
      marginUsd: '0',
    });
  });

  it('says when the book is short more than the farm will mine', () => {
    const outcome = hedgePlanFromSnapshot(snapshotFor(true, [short('2')]), params);
    expect(outcome.ok && outcome.plan).toMatchObject({ shortSize: '0', status: 'over-hedged' });
    expect(outcome.ok && outcome.plan.message).toBe(
      'The book is already over-hedged: 2 BTC short, more than the 1.6875 BTC the farm mines in 30 days. Open no further short; a rise in BTC now costs more on the shorts than the production gains.',
    );
  });

  it('never proposes more than the target, and with what is open always reaches it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), (milli) => {
        const open = dec(milli).div(1000);
        const plan = hedgePlan(params, {
          coinsPerDay: dec('0.05625'),
          priceUsd: dec('100000'),
          openShortCoins: open,
        });
        const size = dec(plan.shortSize);
        expect(size.gte(0) && size.lte(dec(plan.targetShortCoins))).toBe(true);
        expect(size.plus(open).gte(dec(plan.targetShortCoins))).toBe(true);
        expect(plan.status === 'over-hedged').toBe(open.gt(dec(plan.expectedCoins)));
      }),
    );
  });
});
