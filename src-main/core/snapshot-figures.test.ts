import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FundingQuote } from '#api/funding';
import type { Loan, Position, Rig, Settings } from '#api/records';
import type { PriceEntry, RigLive } from '#api/snapshot';
import { dec } from '#shared/decimal';
import type { VolatilityTable } from './odds';
import { buildSnapshot, warmSnapshot, type SnapshotInput } from './snapshot';
import { cachedFigures } from './snapshot-figures';
import {
  sampleLoan,
  samplePosition,
  sampleRig,
  sampleSettings,
} from './test-fixtures/sample-records';

// The live dashboard's figures are remembered per record; for any sequence of record
// changes, price ticks, readings, settings and days they must equal a from-scratch build.

const START = Date.parse('2026-11-30T10:00:00Z');

function price(usd: string, flags: Partial<PriceEntry> = {}): PriceEntry {
  return {
    usd,
    source: 'median',
    at: '2026-11-30T10:00:00Z',
    stale: false,
    manual: false,
    disputed: false,
    ageSec: 5,
    ...flags,
  };
}

interface Farm {
  asOf: Date;
  settings: Settings;
  rigs: Rig[];
  loans: Loan[];
  positions: Position[];
  prices: Record<string, PriceEntry>;
  live: Record<string, RigLive>;
  funding: Record<string, FundingQuote>;
  /** σ by asset as the service measures it once a day (empty: the default). */
  volatility: VolatilityTable;
}

function startFarm(): Farm {
  return {
    asOf: new Date(START),
    settings: sampleSettings(),
    rigs: [
      sampleRig({ id: 'r1', quantity: 3 }),
      sampleRig({ id: 'r2', coin: 'LTC', hashrate: '9.5', hashrateUnit: 'GH/s' }),
      sampleRig({ id: 'r3', status: 'maintenance' }),
    ],
    loans: [
      sampleLoan({ id: 'l1', startDate: '2026-06-01', repayment: 'amortizing' }),
      sampleLoan({
        id: 'l2',
        startDate: '2026-09-15',
        collateral: [
          { asset: 'BTC', amount: '3' },
          { asset: 'LTC', amount: '400' },
        ],
      }),
    ],
    positions: [
      samplePosition({ id: 'p1', side: 'short', entryPrice: '90000' }),
      samplePosition({ id: 'p2', marginMode: 'cross', walletBalance: '20000' }),
      samplePosition({
        id: 'p3',
        marginMode: 'cross',
        walletBalance: '20000',
        symbol: 'LTCUSDT',
        baseAsset: 'LTC',
        size: '50',
        entryPrice: '90',
      }),
    ],
    prices: { BTC: price('91000'), LTC: price('88') },
    live: {},
    funding: {},
    volatility: {},
  };
}

type Step =
  | { kind: 'price'; asset: 'BTC' | 'LTC'; pct: number }
  | { kind: 'stale'; asset: 'BTC' | 'LTC'; stale: boolean }
  | { kind: 'age' }
  | { kind: 'day'; days: number }
  | { kind: 'rig-edit'; pick: number; quantity: number }
  | { kind: 'rig-add'; coin: 'BTC' | 'LTC' }
  | { kind: 'rig-remove'; pick: number }
  | { kind: 'reading'; pick: number; online: boolean }
  | { kind: 'loan-pay'; pick: number; amount: number }
  | { kind: 'position-edit'; pick: number; size: string }
  | { kind: 'position-add'; cross: boolean }
  | { kind: 'settings'; perKwh: string }
  | { kind: 'funding'; symbol: 'BTCUSDT' | 'LTCUSDT'; rate: string; hoursAhead: number }
  | { kind: 'volatility'; asset: 'BTC' | 'LTC'; pct: string };

const pick = fc.nat({ max: 20 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('price' as const),
    asset: fc.constantFrom('BTC' as const, 'LTC' as const),
    pct: fc.integer({ min: -40, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('stale' as const),
    asset: fc.constantFrom('BTC' as const, 'LTC' as const),
    stale: fc.boolean(),
  }),
  fc.constant({ kind: 'age' as const }),
  fc.record({ kind: fc.constant('day' as const), days: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('rig-edit' as const),
    pick,
    quantity: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({
    kind: fc.constant('rig-add' as const),
    coin: fc.constantFrom('BTC' as const, 'LTC' as const),
  }),
  fc.record({ kind: fc.constant('rig-remove' as const), pick }),
  fc.record({ kind: fc.constant('reading' as const), pick, online: fc.boolean() }),
  fc.record({
    kind: fc.constant('loan-pay' as const),
    pick,
    amount: fc.integer({ min: 1, max: 90_000 }),
  }),
  fc.record({
    kind: fc.constant('position-edit' as const),
    pick,
    size: fc.constantFrom('0.2', '1', '3'),
  }),
  fc.record({ kind: fc.constant('position-add' as const), cross: fc.boolean() }),
  fc.record({ kind: fc.constant('settings' as const), perKwh: fc.constantFrom('0.05', '0.08') }),
  fc.record({
    kind: fc.constant('funding' as const),
    symbol: fc.constantFrom('BTCUSDT' as const, 'LTCUSDT' as const),
    rate: fc.constantFrom('0.0001', '-0.0002', '0'),
    hoursAhead: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({
    kind: fc.constant('volatility' as const),
    asset: fc.constantFrom('BTC' as const, 'LTC' as const),
    pct: fc.constantFrom('45', '60', '80.5'),
  }),
);

/** Applies a step the way the store does: a changed record is a new object. */
function apply(farm: Farm, s: Step, n: number): Farm {
  const at = <T>(list: T[], i: number) => (list.length === 0 ? -1 : i % list.length);
  switch (s.kind) {
    case 'price': {
      const usd = (Number(farm.prices[s.asset]!.usd) * (1 + s.pct / 100)).toFixed(2);
      return { ...farm, prices: { ...farm.prices, [s.asset]: price(usd) } };
    }
    case 'stale':
      return {
        ...farm,
        prices: { ...farm.prices, [s.asset]: { ...farm.prices[s.asset]!, stale: s.stale } },
      };
    case 'age':
      return {
        ...farm,
        asOf: new Date(farm.asOf.getTime() + 1000),
        prices: Object.fromEntries(
          Object.entries(farm.prices).map(([k, v]) => [k, { ...v, ageSec: v.ageSec + 1 }]),
        ),
      };
    case 'day':
      return { ...farm, asOf: new Date(farm.asOf.getTime() + s.days * 86_400_000) };
    case 'rig-edit': {
      const i = at(farm.rigs, s.pick);
      if (i < 0) return farm;
      const rigs = [...farm.rigs];
      rigs[i] = { ...rigs[i]!, quantity: s.quantity };
      return { ...farm, rigs };
    }
    case 'rig-add':
      return {
        ...farm,
        rigs: [
          ...farm.rigs,
          s.coin === 'BTC'
            ? sampleRig({ id: `n${n}` })
            : sampleRig({ id: `n${n}`, coin: 'LTC', hashrate: '9', hashrateUnit: 'GH/s' }),
        ],
      };
    case 'rig-remove': {
      const i = at(farm.rigs, s.pick);
      return i < 0 ? farm : { ...farm, rigs: farm.rigs.filter((_, j) => j !== i) };
    }
    case 'reading': {
      const i = at(farm.rigs, s.pick);
      if (i < 0) return farm;
      const id = farm.rigs[i]!.id;
      const reading: RigLive = {
        online: s.online,
        hashrateHs: s.online ? '190000000000000' : '0',
        at: farm.asOf.toISOString(),
      } as RigLive;
      return { ...farm, live: { ...farm.live, [id]: reading } };
    }
    case 'loan-pay': {
      const i = at(farm.loans, s.pick);
      const loans = [...farm.loans];
      const loan = loans[i]!;
      const date = farm.asOf.toISOString().slice(0, 10);
      loans[i] = {
        ...loan,
        payments: [...loan.payments, { id: `pay-${n}`, date, amount: String(s.amount) }],
      };
      return { ...farm, loans };
    }
    case 'position-edit': {
      const i = at(farm.positions, s.pick);
      if (i < 0) return farm;
      const positions = [...farm.positions];
      positions[i] = { ...positions[i]!, size: s.size };
      return { ...farm, positions };
    }
    case 'position-add':
      return {
        ...farm,
        positions: [
          ...farm.positions,
          samplePosition({
            id: `q${n}`,
            marginMode: s.cross ? 'cross' : 'isolated',
            walletBalance: s.cross ? '20000' : '6000',
            side: n % 2 === 0 ? 'long' : 'short',
          }),
        ],
      };
    case 'settings':
      return { ...farm, settings: { ...farm.settings, electricityPerKwh: s.perKwh } };
    case 'funding': {
      // A new funding quote; a later 'day' step passes its settlement.
      const quote: FundingQuote = {
        source: 'binance-usdm',
        symbol: s.symbol,
        rate: s.rate,
        nextFundingAt: new Date(farm.asOf.getTime() + s.hoursAhead * 3_600_000).toISOString(),
        intervalHours: null,
        at: farm.asOf.toISOString(),
      };
      return { ...farm, funding: { ...farm.funding, [`binance-usdm:${s.symbol}`]: quote } };
    }
    case 'volatility':
      return {
        ...farm,
        volatility: {
          ...farm.volatility,
          [s.asset]: { volatilityPct: dec(s.pct), source: 'history' },
        },
      };
  }
}

function inputOf(farm: Farm): SnapshotInput {
  return {
    asOf: farm.asOf,
    offline: false,
    settings: farm.settings,
    rigs: farm.rigs,
    loans: farm.loans,
    positions: farm.positions,
    prices: farm.prices,
    network: {
      BTC: {
        difficulty: '149301205959699.9',
        height: 925000,
        source: 'test',
        at: '',
        stale: false,
      },
      LTC: { difficulty: '90000000', height: 3000000, source: 'test', at: '', stale: false },
    },
    rigLive: farm.live,
    volatility: farm.volatility,
    alerts: [],
    notices: [],
    scenario: null,
    funding: farm.funding,
  };
}

describe('remembered figures', () => {
  it('equal a from-scratch build after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const figures = cachedFigures();
        let farm = startFarm();
        expect(buildSnapshot(inputOf(farm), figures)).toEqual(buildSnapshot(inputOf(farm)));
        steps.forEach((s, n) => {
          farm = apply(farm, s, n);
          const incremental = buildSnapshot(inputOf(farm), figures);
          expect(incremental).toEqual(buildSnapshot(inputOf(farm)));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('recompute only the records whose inputs moved', () => {
    const figures = cachedFigures();
    const farm = startFarm();
    const before = buildSnapshot(inputOf(farm), figures);
    // An LTC tick: the LTC rig, the loan holding LTC and the cross wallet holding the LTC
    // position change; the BTC rigs, the BTC-only loan and the isolated BTC short do not.
    const after = buildSnapshot(
      inputOf(apply(farm, { kind: 'price', asset: 'LTC', pct: 10 }, 0)),
      figures,
    );
    expect(after.rigs[0]).toBe(before.rigs[0]);
    expect(after.rigs[1]).not.toBe(before.rigs[1]);
    expect(after.rigs[1]!.revenueUsdPerDay).not.toBe(before.rigs[1]!.revenueUsdPerDay);
    expect(after.loans[0]).toBe(before.loans[0]);
    expect(after.loans[1]).not.toBe(before.loans[1]);
    expect(after.positions[0]).toBe(before.positions[0]);
    expect(after.positions[1]).not.toBe(before.positions[1]);
  });
});

describe('warming the remembered figures a slice at a time', () => {
  it('pauses between slices, and the build after it equals a fresh one', async () => {
    const farm = startFarm();
    farm.rigs = Array.from({ length: 600 }, (_, i) =>
      sampleRig({ id: `w${i}`, quantity: 1 + (i % 4) }),
    );
    farm.positions = Array.from({ length: 130 }, (_, i) =>
      samplePosition({
        id: `wp${i}`,
        account: `acct-${i % 3}`,
        marginMode: i % 2 === 0 ? 'cross' : 'isolated',
        walletBalance: '50000',
      }),
    );
    const figures = cachedFigures();
    let pauses = 0;
    await warmSnapshot(inputOf(farm), figures, async () => {
      pauses += 1;
    });
    // 600 rigs in slices of 250, two loans, positions in slices of whole margin groups.
    expect(pauses).toBeGreaterThanOrEqual(5);
    const fresh = buildSnapshot(inputOf(farm));
    const warmed = buildSnapshot(inputOf(farm), figures);
    expect(warmed).toEqual(fresh);
    // The rows stay the same objects from build to build while nothing moves.
    const again = buildSnapshot(inputOf(farm), figures);
    expect(again.rigs.every((row, i) => row === warmed.rigs[i])).toBe(true);
    expect(again.positions.every((row, i) => row === warmed.positions[i])).toBe(true);
  });
});
