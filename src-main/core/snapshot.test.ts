import { describe, expect, it } from 'vitest';
import type { PriceEntry } from '#api/snapshot';
import { snapshotSchema } from '#api/snapshot';
import { dec } from '#shared/decimal';
import { applyShocks } from './scenario';
import {
  sampleLoan,
  samplePosition,
  sampleRig,
  sampleSettings,
} from './test-fixtures/sample-records';
import { type SnapshotInput, buildSnapshot, pricesInUse } from './snapshot';

const AS_OF = new Date('2024-01-31T12:00:00Z');

function price(usd: string, flags: Partial<PriceEntry> = {}): PriceEntry {
  return {
    usd,
    source: 'median',
    at: '2024-01-31T11:59:00Z',
    stale: false,
    manual: false,
    disputed: false,
    ageSec: 60,
    ...flags,
  };
}

function farmInput(overrides: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    asOf: AS_OF,
    offline: false,
    settings: sampleSettings(),
    rigs: [
      sampleRig({
        id: 'r1',
        hashrate: '50',
        hashrateUnit: 'PH/s',
        powerWatts: '1000',
        quantity: 2,
      }),
      sampleRig({
        id: 'r2',
        hashrate: '100',
        hashrateUnit: 'TH/s',
        powerWatts: '3000',
        status: 'maintenance',
      }),
      sampleRig({ id: 'r3', status: 'retired' }),
      sampleRig({
        id: 'k1',
        coin: 'KAS',
        hashrate: '21',
        hashrateUnit: 'TH/s',
        powerWatts: '3150',
      }),
    ],
    loans: [sampleLoan({ id: 'l1', startDate: '2024-01-01' })],
    positions: [samplePosition({ id: 'p1' })],
    prices: { BTC: price('100000'), KAS: price('0.15') },
    network: {
      // docs/formulas.md "Mining" example network; the subsidy comes from the height.
      BTC: {
        difficulty: '111758708953857.42',
        height: 840_000,
        source: 'mempool',
        at: '2024-01-31T11:00:00Z',
        stale: false,
      },
    },
    rigLive: {
      r1: {
        hashrateHs: '98000000000000000',
        temperatureC: '71',
        uptimeS: 3600,
        at: '2024-01-31T11:59:30Z',
        online: true,
        error: null,
      },
      r2: {
        hashrateHs: '0',
        temperatureC: null,
        uptimeS: 0,
        at: '2024-01-31T11:59:30Z',
        online: false,
        error: 'timeout',
      },
    },
    alerts: [],
    notices: [],
    scenario: null,
    ...overrides,
  };
}

describe('buildSnapshot', () => {
  it('satisfies the Snapshot contract', () => {
    const snapshot = buildSnapshot(farmInput());
    expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
  });

  it('reports hash power per coin, nominal vs live, leaving retired rigs out', () => {
    const { farm } = buildSnapshot(farmInput());
    expect(farm.hashPower).toEqual([
      {
        coin: 'BTC',
        algorithm: 'SHA-256',
        nominalHs: '100000000000000000',
        liveHs: '98000000000000000',
        livePct: '98',
        liveBelowThreshold: false,
        rigsOnline: 1,
        rigsTotal: 2,
      },
      {
        coin: 'KAS',
        algorithm: 'kHeavyHash',
        nominalHs: '21000000000000',
        liveHs: null,
        livePct: null,
        liveBelowThreshold: false,
        rigsOnline: 0,
        rigsTotal: 1,
      },
    ]);
  });

  it('flags a live share below what the hash-rate-drop threshold tolerates', () => {
    const input = farmInput();
    const lenient = { ...input.settings.thresholds, hashrateDropPct: '1' };
    const strict = buildSnapshot({
      ...input,
      settings: { ...input.settings, thresholds: lenient },
    });
    // 98 % live is fine against the default 20 % drop, but not when only a 1 % drop is allowed.
    expect(buildSnapshot(input).farm.hashPower[0]?.liveBelowThreshold).toBe(false);
    expect(strict.farm.hashPower[0]?.liveBelowThreshold).toBe(true);
  });

  it('totals power and revenue of running rigs only; a coin without chain stats makes revenue null', () => {
    const { farm, rigs } = buildSnapshot(farmInput());
    // 2 × 1000 W + 3150 W (the maintenance and retired rigs draw nothing).
    expect(farm.powerWatts).toBe('5150');
    expect(rigs.find((r) => r.id === 'r1')?.coinsPerDay).toBe('0.05625');
    expect(rigs.find((r) => r.id === 'k1')?.coinsPerDay).toBeNull();
    expect(farm.revenueUsdPerDay).toBeNull();
    expect(farm.profitUsdPerDay).toBeNull();
    expect(farm.powerCostUsdPerDay).toBe('9.888');
  });

  it('computes farm revenue and profit once every running rig can be valued', () => {
    const input = farmInput();
    const { farm } = buildSnapshot({ ...input, rigs: input.rigs.filter((r) => r.coin === 'BTC') });
    expect(farm.revenueUsdPerDay).toBe('5625');
    expect(farm.profitUsdPerDay).toBe('5621.16');
    expect(farm.btcHashpriceUsdPerPhDay).toBe('56.25');
  });

  it('an active rig its poll reports offline earns nothing; the farm shows the revenue lost', () => {
    const input = farmInput();
    const btcRigs = input.rigs.filter((r) => r.coin === 'BTC');
    const r1Down = { ...input.rigLive.r1!, hashrateHs: '0', online: false, error: 'timeout' };
    const { farm, rigs } = buildSnapshot({ ...input, rigs: btcRigs, rigLive: { r1: r1Down } });
    expect(rigs.find((r) => r.id === 'r1')).toMatchObject({
      revenueUsdPerDay: '0',
      revenueLostUsdPerDay: '5625',
    });
    // Its 2 × 1,000 W still count: $3.84/day of power against no revenue.
    expect(farm).toMatchObject({
      revenueUsdPerDay: '0',
      revenueLostUsdPerDay: '5625',
      profitUsdPerDay: '-3.84',
    });
  });

  it('fills the network entry with the subsidy at the height and the implied hash rate', () => {
    const { network } = buildSnapshot(farmInput());
    expect(network.BTC).toMatchObject({ blockReward: '3.125', feesPerBlock: '0', height: 840_000 });
    expect(dec(network.BTC!.networkHashrateHs).div('1e18').toDecimalPlaces(6).toFixed()).toBe(
      '800',
    );
  });

  it('shows the loan with accrued interest, LTV and health', () => {
    const [loan] = buildSnapshot(farmInput()).loans;
    // 30 days of 12 % on 500,000, ACT/365.
    expect(loan?.accruedInterest.slice(0, 7)).toBe('4931.50');
    expect(loan?.collateralValueUsd).toBe('1000000');
    expect(loan?.health).toBe('healthy');
    // Bullet: principal + 366 days of interest (2024 is a leap year) at the end of the term.
    expect(loan?.nextPayment).toEqual({ date: '2025-01-01', amount: '560164.38' });
    expect(buildSnapshot(farmInput()).farm.debtUsd.slice(0, 9)).toBe('504931.50');
  });

  it('flags a loan or position whose price is stale or disputed', () => {
    const snapshot = buildSnapshot(
      farmInput({ prices: { BTC: price('100000', { stale: true }) } }),
    );
    expect(snapshot.loans[0]?.priceStale).toBe(true);
    expect(snapshot.positions[0]?.priceStale).toBe(true);
    const disputed = buildSnapshot(
      farmInput({ prices: { BTC: price('100000', { disputed: true }) } }),
    );
    expect(disputed.loans[0]?.priceStale).toBe(true);
  });

  it('without prices every price-dependent value is null and health is unknown', () => {
    const snapshot = buildSnapshot(farmInput({ prices: {} }));
    expect(snapshotSchema.parse(snapshot)).toBeTruthy();
    expect(snapshot.loans[0]).toMatchObject({
      ltvPct: null,
      healthFactor: null,
      health: 'unknown',
      collateralValueUsd: null,
    });
    expect(snapshot.positions[0]).toMatchObject({
      markPrice: null,
      unrealizedPnl: null,
      status: 'unknown',
    });
    expect(snapshot.farm.collateralUsd).toBeNull();
    expect(snapshot.farm.worstHealthFactor).toBeNull();
  });

  it('a shocked scenario shows the loan in margin call and the long position breached', () => {
    const input = farmInput();
    const shocks = { BTC: '-35' };
    const snapshot = buildSnapshot({
      ...input,
      prices: applyShocks(input.prices, shocks),
      scenario: shocks,
    });
    expect(snapshotSchema.parse(snapshot).scenario).toEqual(shocks);
    expect(snapshot.prices.BTC?.usd).toBe('65000');
    expect(snapshot.loans[0]?.health).toBe('margin-call');
    expect(snapshot.loans[0]?.cure).not.toBeNull();
    expect(snapshot.positions[0]?.status).toBe('safe');
    const crash = buildSnapshot({
      ...input,
      prices: applyShocks(input.prices, { BTC: '-46' }),
      scenario: { BTC: '-46' },
    });
    expect(crash.positions[0]?.status).toBe('breached');
    expect(crash.loans[0]?.health).toBe('liquidation');
  });

  it('passes only active alerts through, and the store notices', () => {
    const base = {
      rule: 'price.stale' as const,
      level: 1,
      severity: 'warning' as const,
      subjectKind: 'price' as const,
      subjectId: 'BTC',
      message: 'BTC price is 10 minutes old.',
      value: '600',
      threshold: '300',
      raisedAt: '2024-01-31T11:00:00Z',
    };
    const snapshot = buildSnapshot(
      farmInput({
        alerts: [
          { ...base, id: 'a1' },
          { ...base, id: 'a2', resolvedAt: '2024-01-31T11:30:00Z' },
        ],
        notices: [
          {
            kind: 'migrated',
            message: 'Your data was updated to the new format.',
            at: '2024-01-31T10:00:00Z',
          },
        ],
      }),
    );
    expect(snapshot.alerts.map((a) => a.id)).toEqual(['a1']);
    expect(snapshot.notices).toHaveLength(1);
  });
});

describe('pricesInUse', () => {
  it('lists the assets the records need a price for, without USD-like ones or retired rigs', () => {
    const input = farmInput();
    const positions = [samplePosition({ baseAsset: 'ETH', quoteAsset: 'BTC' })];
    const loans = [sampleLoan({ collateralAsset: 'USD' }), sampleLoan({ collateralAsset: 'LTC' })];
    const rigs = [...input.rigs, sampleRig({ coin: 'ETC', status: 'retired' })];
    expect(pricesInUse(rigs, loans, positions)).toEqual(['BTC', 'ETH', 'KAS', 'LTC']);
  });
});
