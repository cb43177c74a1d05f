import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '#api/records';
import { type Dec, dec, decStr } from '#shared/decimal';
import { liquidationPrice } from './positions';
import { maintenanceTiers, notionalAt } from './positions-brackets';
import { type LegTerms, legsLiquidation } from './positions-liquidation';
import { BINANCE_BTCUSDT_BRACKETS } from './test-fixtures/position-brackets';
import { samplePosition } from './test-fixtures/sample-records';

// Worked examples from Binance's "How to Calculate Liquidation Price of USDⓈ-M Futures
// Contracts" (cross and hedge mode, brackets re-checked at the liquidation price) and
// "… of COIN-M Futures Contracts"; each number below is worked by hand from that formula.

const FLAT = { maintenanceMarginRate: '0.005', maintenanceAmount: '50' };

function leg(overrides: Partial<Position>): LegTerms {
  return samplePosition({ ...FLAT, ...overrides });
}

function priceOf(legs: LegTerms[], wallet: string, near = '60000') {
  const result = legsLiquidation(legs, dec(wallet), dec(near));
  return {
    price: result.price === null ? null : decStr(result.price, 2),
    direction: result.direction,
    rates: result.tiers.map((t) => (t === null ? null : t.rate.toFixed())),
    underwater: result.underwater,
  };
}

describe('hedge mode: one liquidation price for the LONG and SHORT legs (Binance USDⓈ-M FAQ)', () => {
  const long = leg({ side: 'long', size: '2', entryPrice: '60000' });
  const short = leg({ side: 'short', size: '1', entryPrice: '62000' });

  it('net long: (WB + cumL + cumS − L·EPL + S·EPS) / (L·MMRL + S·MMRS − L + S), reached by a fall', () => {
    // (10,000 + 50 + 50 − 120,000 + 62,000) / (0.01 + 0.005 − 2 + 1) = −47,900 / −0.985.
    expect(priceOf([long, short], '10000')).toMatchObject({
      price: '48629.44',
      direction: 'fall',
    });
  });

  it('net short: the same formula gives a price reached by a rise', () => {
    const bigShort = leg({ side: 'short', size: '2', entryPrice: '62000' });
    const smallLong = leg({ side: 'long', size: '1', entryPrice: '60000' });
    // (10,000 + 100 − 60,000 + 124,000) / (0.005 + 0.01 − 1 + 2) = 74,100 / 1.015.
    expect(priceOf([smallLong, bigShort], '10000')).toMatchObject({
      price: '73004.93',
      direction: 'rise',
    });
  });

  it('a perfectly hedged pair is still liquidated by a large rise: its maintenance margin grows with the price', () => {
    // Equity stays 1,000; MM = 2·P·0.005 − 100 reaches it at P = 1,100 / 0.01 = 110,000.
    const a = leg({ side: 'long', size: '1', entryPrice: '60000' });
    const b = leg({ side: 'short', size: '1', entryPrice: '60000' });
    expect(priceOf([a, b], '1000')).toMatchObject({ price: '110000', direction: 'rise' });
  });

  it('a hedged pair with an empty wallet and no maintenance amount is under water at any price', () => {
    const a = leg({ side: 'long', size: '1', maintenanceAmount: '0' });
    const b = leg({ side: 'short', size: '1', maintenanceAmount: '0' });
    expect(priceOf([a, b], '0')).toMatchObject({ price: null, underwater: true });
  });

  it('with Binance’s BTCUSDT brackets each leg is measured in its bracket at the shared price', () => {
    // At 48,6xx the 1 BTC short is worth < 50,000 (bracket 1: 0.4 %, cum 0) and the 2 BTC long
    // ≈ 97,000 (bracket 2: 0.5 %, cum 50): (10,000 + 50 − 120,000 + 62,000) / (0.01 + 0.004 − 1).
    const brackets = { maintenanceBrackets: BINANCE_BTCUSDT_BRACKETS };
    expect(
      priceOf(
        [
          { ...long, ...brackets },
          { ...short, ...brackets },
        ],
        '10000',
      ),
    ).toEqual({
      price: '48630.83',
      direction: 'fall',
      rates: ['0.005', '0.004'],
      underwater: false,
    });
  });

  it('COIN-M hedge: LP = Σ C·(MMR + s) / (WB + Σcum + Σ s·C/EP), in coin', () => {
    // LONG $50,000 at 50,000 and SHORT $20,000 at 55,000 on 1 BTC: 30,350 / (1 + 1 − 4/11) = 18,547.22.
    const inverse = { kind: 'inverse' as const, maintenanceMarginRate: '0.005' };
    const coinLong = leg({ ...inverse, side: 'long', size: '50000', entryPrice: '50000' });
    const coinShort = leg({ ...inverse, side: 'short', size: '20000', entryPrice: '55000' });
    const zeroCum = { maintenanceAmount: '0' };
    expect(
      priceOf(
        [
          { ...coinLong, ...zeroCum },
          { ...coinShort, ...zeroCum },
        ],
        '1',
        '50000',
      ),
    ).toMatchObject({ price: '18547.22', direction: 'fall' });
  });
});

describe('maintenance brackets: the bracket at the liquidation price (Binance USDⓈ-M FAQ note)', () => {
  it('5 BTC long at 50,500, 20×: bracket 3 at entry gives 48,196.97, whose notional falls in bracket 2; bracket 2 gives 48,206.03', () => {
    // Entry notional 252,500 is bracket 3 (1 %, cum 1,300): (12,625 + 1,300 − 252,500) / (0.05 − 5)
    // = 48,196.97 → 240,984.85 at that price, bracket 2 (0.5 %, cum 50): (12,625 + 50 − 252,500) / (0.025 − 5).
    const position = samplePosition({
      size: '5',
      entryPrice: '50500',
      leverage: '20',
      walletBalance: '12625',
      maintenanceBrackets: BINANCE_BTCUSDT_BRACKETS,
    });
    expect(decStr(liquidationPrice(position)!, 2)).toBe('48206.03');
    const atEntryBracket = samplePosition({
      ...position,
      maintenanceBrackets: undefined,
      maintenanceMarginRate: '0.01',
      maintenanceAmount: '1300',
    });
    expect(decStr(liquidationPrice(atEntryBracket)!, 2)).toBe('48196.97');
  });

  it('Bybit style keeps the bracket of the entry notional (risk limit by position value)', () => {
    // 5 BTC at 50,500 → 252,500, bracket 3: MM = 2,525 − 1,300 = 1,225; LP = 50,500 − (12,625 − 1,225)/5.
    const position = samplePosition({
      formula: 'maintenance-at-entry',
      size: '5',
      entryPrice: '50500',
      walletBalance: '12625',
      maintenanceBrackets: BINANCE_BTCUSDT_BRACKETS,
    });
    expect(decStr(liquidationPrice(position)!, 2)).toBe('48220');
  });
});

describe('properties', () => {
  const terms = fc.record({
    sizeMilli: fc.integer({ min: 1, max: 5_000_000 }),
    entry: fc.integer({ min: 100, max: 200_000 }),
    leverage: fc.integer({ min: 1, max: 100 }),
    side: fc.constantFrom('long' as const, 'short' as const),
    kind: fc.constantFrom('linear' as const, 'inverse' as const),
    formula: fc.constantFrom(
      'maintenance-at-liquidation' as const,
      'maintenance-at-entry' as const,
    ),
    mmrBp: fc.integer({ min: 0, max: 100 }),
    cum: fc.integer({ min: 0, max: 500 }),
  });

  type Terms = {
    sizeMilli: number;
    entry: number;
    leverage: number;
    side: Position['side'];
    kind: Position['kind'];
    formula: Position['formula'];
    mmrBp: number;
    cum: number;
  };

  function position(t: Terms): Position {
    const size = dec(t.sizeMilli).div(1000);
    const notional = t.kind === 'inverse' ? size.div(t.entry) : size.mul(t.entry);
    return samplePosition({
      side: t.side,
      kind: t.kind,
      formula: t.formula,
      size: size.toFixed(),
      entryPrice: String(t.entry),
      leverage: String(t.leverage),
      walletBalance: decStr(notional.div(t.leverage), 20),
      maintenanceMarginRate: dec(t.mmrBp).div(10_000).toFixed(),
      maintenanceAmount: t.kind === 'inverse' ? '0' : String(t.cum),
    });
  }

  const same = (a: Dec | null, b: Dec | null) =>
    a === null || b === null ? a === b : decStr(a, 8) === decStr(b, 8);

  it('hedge-mode legs give the one-way price when the other leg’s size is zero', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const oneWay = position(t);
        const emptyLeg = { ...oneWay, side: t.side === 'long' ? 'short' : 'long', size: '0' };
        const wallet = dec(oneWay.walletBalance);
        const hedged = legsLiquidation([oneWay, emptyLeg] as LegTerms[], wallet, dec(t.entry));
        expect(same(hedged.price, liquidationPrice(oneWay))).toBe(true);
      }),
    );
  });

  it('a bracket list with a single bracket equals the flat-rate position', () => {
    fc.assert(
      fc.property(terms, fc.integer({ min: 1, max: 10_000_000 }), (t, cap) => {
        const flat = position(t);
        const bracketed = {
          ...flat,
          maintenanceBrackets: [
            {
              notionalCap: String(cap),
              maintenanceMarginRate: flat.maintenanceMarginRate,
              maintenanceAmount: flat.maintenanceAmount,
              maxLeverage: '125',
            },
          ],
        };
        expect(same(liquidationPrice(bracketed), liquidationPrice(flat))).toBe(true);
      }),
    );
  });

  it('with brackets, the bracket used is the one the notional at the liquidation price falls in', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const p = {
          ...position({ ...t, kind: 'linear', formula: 'maintenance-at-liquidation' }),
          maintenanceBrackets: BINANCE_BTCUSDT_BRACKETS,
        };
        const result = legsLiquidation([p], dec(p.walletBalance), dec(t.entry));
        if (result.price === null) return;
        const notional = notionalAt(p, result.price);
        const tier = result.tiers[0]!;
        expect(notional.gte(tier.floor) && (tier.cap === null || notional.lte(tier.cap))).toBe(
          true,
        );
        expect(maintenanceTiers(p)).toContainEqual(tier);
      }),
    );
  });
});
