import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '#api/records';
import { type Dec, dec, decStr } from '#shared/decimal';
import {
  inverseLiquidationPrice,
  liquidationPrice,
  maintenanceMargin,
  unrealizedPnl,
} from './positions';
import { crossOthers } from './positions-wallets';
import { samplePosition } from './test-fixtures/sample-records';

function lp(overrides: Partial<Position>): string | null {
  const price = liquidationPrice(samplePosition(overrides));
  return price === null ? null : decStr(price, 2);
}

describe('linear, maintenance at liquidation (Binance USDⓈ-M)', () => {
  it('worked example (docs/formulas-positions.md, Binance USDⓈ-M FAQ formula): 1 BTC at 60,000, isolated WB 6,000, MMR 0.005, cum 50 → long 54,221.11, short 65,721.39', () => {
    expect(lp({ side: 'long' })).toBe('54221.11');
    expect(lp({ side: 'short' })).toBe('65721.39');
  });

  it('Binance FAQ formula with the BTCUSDT first bracket (MMR 0.4 %, cum 0): 0.5 BTC at 40,000, 20×', () => {
    // Isolated WB = 0.5 × 40,000 / 20 = 1,000. LP = (1000 − s·20000) / (0.5·0.004 − s·0.5).
    const terms = {
      size: '0.5',
      entryPrice: '40000',
      walletBalance: '1000',
      maintenanceMarginRate: '0.004',
      maintenanceAmount: '0',
    };
    expect(lp({ ...terms, side: 'long' })).toBe('38152.61');
    expect(lp({ ...terms, side: 'short' })).toBe('41832.67');
  });

  it('Binance FAQ second bracket (MMR 0.5 %, cum 50 USDT): 2 BTC at 30,000, 50×', () => {
    // WB = 60,000 / 50 = 1,200. Long: (1200 + 50 − 60000) / (0.01 − 2) = 29,522.61.
    const terms = {
      size: '2',
      entryPrice: '30000',
      walletBalance: '1200',
      maintenanceMarginRate: '0.005',
      maintenanceAmount: '50',
    };
    expect(lp({ ...terms, side: 'long' })).toBe('29522.61');
    expect(lp({ ...terms, side: 'short' })).toBe('30472.64');
  });

  it('a 1× long with no maintenance amount cannot be liquidated: LP ≤ 0 → null', () => {
    expect(
      lp({ side: 'long', leverage: '1', walletBalance: '60000', maintenanceAmount: '0' }),
    ).toBeNull();
  });
});

describe('linear, maintenance at entry (Bybit isolated)', () => {
  it('Bybit help "Liquidation Price (USDT contract)": 1 BTC at 10,000, 10×, MMR 0.5 % → long 9,050, short 10,950', () => {
    // IM = 1,000, MM = 10,000 × 0.5 % = 50; LP = EP ∓ (IM − MM) / Q.
    const terms = {
      formula: 'maintenance-at-entry' as const,
      size: '1',
      entryPrice: '10000',
      walletBalance: '1000',
      maintenanceMarginRate: '0.005',
      maintenanceAmount: '0',
    };
    expect(lp({ ...terms, side: 'long' })).toBe('9050');
    expect(lp({ ...terms, side: 'short' })).toBe('10950');
  });

  it('the MM deduction lowers the maintenance margin and widens the distance', () => {
    const terms = {
      formula: 'maintenance-at-entry' as const,
      size: '1',
      entryPrice: '10000',
      walletBalance: '1000',
    };
    expect(
      lp({ ...terms, side: 'long', maintenanceMarginRate: '0.005', maintenanceAmount: '10' }),
    ).toBe('9040');
  });
});

describe('inverse (coin-margined)', () => {
  const inverse = {
    kind: 'inverse' as const,
    size: '10000',
    entryPrice: '50000',
    walletBalance: '0.02',
    maintenanceMarginRate: '0.005',
    maintenanceAmount: '0',
  };

  it('Binance COIN-M / BitMEX inverse: $10,000 at 50,000 with 0.02 BTC (10×) → long 45,681.82, short 55,277.78', () => {
    // Long: 10000 × 1.005 / (0.02 + 0.2); short: 10000 × 0.995 / (0.2 − 0.02).
    expect(lp({ ...inverse, side: 'long' })).toBe('45681.82');
    expect(lp({ ...inverse, side: 'short' })).toBe('55277.78');
  });

  it('a 1× short fully backed by coin is never liquidated (denominator ≤ 0 → null)', () => {
    expect(
      inverseLiquidationPrice(samplePosition({ ...inverse, side: 'short', walletBalance: '0.2' })),
    ).toBeNull();
  });
});

describe('cross margin', () => {
  const btcLong = samplePosition({ id: 'btc', marginMode: 'cross', walletBalance: '10000' });
  const ethShort = samplePosition({
    id: 'eth',
    symbol: 'ETHUSDT',
    baseAsset: 'ETH',
    side: 'short',
    size: '10',
    entryPrice: '3000',
    marginMode: 'cross',
    walletBalance: '10000',
    maintenanceAmount: '0',
  });

  function crossLp(ethMark: string): Dec | null {
    const marks: Record<string, Dec> = { BTC: dec('60000'), ETH: dec(ethMark) };
    const others = crossOthers(btcLong, [btcLong, ethShort], (p) => marks[p.baseAsset] ?? null);
    return others === null ? null : liquidationPrice(btcLong, others);
  }

  it('another position’s maintenance margin enters via TMM (Binance FAQ, cross)', () => {
    // ETH at entry: UPNL 0, TMM = 10 × 3000 × 0.005 = 150 → (10000 − 150 + 50 − 60000) / −0.995.
    expect(decStr(crossLp('3000')!, 2)).toBe('50351.76');
  });

  it('when the ETH short gains, its PnL backs the BTC long and its liquidation price falls', () => {
    // ETH at 2,500: UPNL +5,000, TMM 125 → (10000 − 125 + 5000 + 50 − 60000) / −0.995.
    expect(decStr(crossLp('2500')!, 2)).toBe('45301.51');
    expect(crossLp('3500')!.gt(crossLp('3000')!)).toBe(true);
  });

  it('ignores isolated positions and other accounts; without the other mark it cannot say', () => {
    const isolated = { ...ethShort, marginMode: 'isolated' as const };
    const elsewhere = { ...ethShort, account: 'bybit' };
    const marks = () => dec('1');
    expect(
      crossOthers(btcLong, [btcLong, isolated, elsewhere], marks)?.maintenanceMargin.toFixed(),
    ).toBe('0');
    expect(crossOthers(btcLong, [btcLong, ethShort], () => null)).toBeNull();
  });

  it('maintenance margin of the others is measured at their mark (Binance) or entry (Bybit)', () => {
    expect(maintenanceMargin(ethShort, dec('2500')).toFixed()).toBe('125');
    expect(
      maintenanceMargin({ ...ethShort, formula: 'maintenance-at-entry' }, dec('2500')).toFixed(),
    ).toBe('150');
  });
});

describe('unrealised PnL', () => {
  it('linear: s·Q·(P − EP)', () => {
    expect(unrealizedPnl(samplePosition({ side: 'long' }), dec('63000')).toFixed()).toBe('3000');
    expect(unrealizedPnl(samplePosition({ side: 'short' }), dec('63000')).toFixed()).toBe('-3000');
  });

  it('inverse, Bybit help "P&L calculation (inverse)": long 10,000 contracts 8,000 → 9,000 = 0.13888889 BTC', () => {
    const p = samplePosition({ kind: 'inverse', size: '10000', entryPrice: '8000' });
    expect(decStr(unrealizedPnl(p, dec('9000')), 8)).toBe('0.13888889');
  });
});

describe('liquidation price properties', () => {
  const arbitraryTerms = fc.record({
    sizeCents: fc.integer({ min: 1, max: 100_000 }),
    entry: fc.integer({ min: 1, max: 200_000 }),
    leverage: fc.integer({ min: 2, max: 125 }),
    mmrShare: fc.integer({ min: 0, max: 99 }),
    kind: fc.constantFrom('linear' as const, 'inverse' as const),
    formula: fc.constantFrom(
      'maintenance-at-liquidation' as const,
      'maintenance-at-entry' as const,
    ),
  });

  type Terms = {
    sizeCents: number;
    entry: number;
    leverage: number;
    mmrShare: number;
    kind: Position['kind'];
    formula: Position['formula'];
  };

  function position(t: Terms, side: Position['side'], leverage = t.leverage): Position {
    const size = dec(t.sizeCents).div(100);
    const entry = dec(t.entry);
    // Isolated margin = notional / leverage; MMR below 1/leverage (up to +50×) so the position opens.
    const notional = t.kind === 'inverse' ? size.div(entry) : size.mul(entry);
    const mmr = dec(t.mmrShare)
      .div(100)
      .div(t.leverage + 50);
    return samplePosition({
      kind: t.kind,
      formula: t.formula,
      side,
      size: decStr(size, 20),
      entryPrice: decStr(entry),
      leverage: String(leverage),
      walletBalance: decStr(notional.div(leverage), 30),
      maintenanceMarginRate: decStr(mmr, 30),
      maintenanceAmount: '0',
    });
  }

  it('long LP < entry < short LP', () => {
    fc.assert(
      fc.property(arbitraryTerms, (t) => {
        const entry = dec(t.entry);
        const long = liquidationPrice(position(t, 'long'));
        const short = liquidationPrice(position(t, 'short'));
        if (long !== null) expect(long.lt(entry)).toBe(true);
        if (short !== null) expect(short.gt(entry)).toBe(true);
      }),
    );
  });

  it('moves toward the entry as leverage rises', () => {
    fc.assert(
      fc.property(arbitraryTerms, fc.integer({ min: 1, max: 50 }), (t, extra) => {
        const entry = dec(t.entry);
        for (const side of ['long', 'short'] as const) {
          const low = liquidationPrice(position(t, side));
          const high = liquidationPrice(position(t, side, t.leverage + extra));
          const distance = (price: Dec | null) =>
            price === null ? null : price.minus(entry).abs();
          const lowDistance = distance(low);
          const highDistance = distance(high);
          if (lowDistance !== null && highDistance !== null)
            expect(highDistance.lte(lowDistance)).toBe(true);
          if (lowDistance !== null) expect(highDistance).not.toBeNull();
        }
      }),
    );
  });
});
