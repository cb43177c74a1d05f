import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, decStr } from '#shared/decimal';
import {
  distanceToLiquidationPct,
  initialMargin,
  notionalUsd,
  positionStatus,
  reportedGapPct,
  roePct,
  stopDistancePct,
  stopPastLiquidation,
  unrealizedPnlUsd,
} from './position-figures';
import { samplePosition, sampleSettings } from './test-fixtures/sample-records';

const thresholds = sampleSettings().thresholds;
const specLong = dec('54221.105527638190954773869346733668341708');

describe('ROE and USD figures', () => {
  it('Binance style: ROE % = uPnL ÷ (Q·P/leverage) — Binance "How to Calculate Unrealized PnL and ROE%" (margin at the mark)', () => {
    // 1 BTC long at 60,000, 10×, mark 63,000: uPnL 3,000 on a margin of 6,300 → 47.62 %.
    expect(decStr(roePct(samplePosition(), dec('3000'), dec('63000'))!, 2)).toBe('47.62');
    // Inverse: 10,000 contracts at 8,000, 20×, mark 9,000 → margin 10,000/(9,000·20) BTC; +0.13888889 BTC = +250 %.
    const inverse = samplePosition({
      kind: 'inverse',
      size: '10000',
      entryPrice: '8000',
      leverage: '20',
    });
    expect(decStr(roePct(inverse, dec('0.138888888888888889'), dec('9000'))!, 2)).toBe('250');
  });

  it('Bybit style: ROE % = uPnL ÷ (Q·EP/leverage) — Bybit "P&L calculations (USDT contract)" (margin at entry)', () => {
    // Bybit help: 0.2 BTC long at 7,000, 10×, +100 USDT on a margin of 140 → 71.43 % (before the closing fee).
    const bybit = samplePosition({
      formula: 'maintenance-at-entry',
      size: '0.2',
      entryPrice: '7000',
      leverage: '10',
    });
    expect(decStr(roePct(bybit, dec('100'), dec('7500'))!, 2)).toBe('71.43');
    // Inverse, margin at entry: 10,000 contracts at 8,000, 20× → 0.0625 BTC; +0.13888889 BTC ≈ +222.22 %.
    const inverse = samplePosition({
      kind: 'inverse',
      formula: 'maintenance-at-entry',
      size: '10000',
      entryPrice: '8000',
      leverage: '20',
    });
    expect(decStr(roePct(inverse, dec('0.138888888888888889'), dec('9000'))!, 2)).toBe('222.22');
  });

  it('initial margin as the exchange shows it: at the mark (Binance), at entry (Bybit)', () => {
    expect(initialMargin(samplePosition(), dec('63000')).toFixed()).toBe('6300');
    expect(
      initialMargin(samplePosition({ formula: 'maintenance-at-entry' }), dec('63000')).toFixed(),
    ).toBe('6000');
  });

  it('ROE has the sign of the PnL, whatever the style, kind and mark', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.constantFrom('maintenance-at-liquidation' as const, 'maintenance-at-entry' as const),
        fc.constantFrom('linear' as const, 'inverse' as const),
        (pnlCents, mark, formula, kind) => {
          const pnl = dec(pnlCents).div(100);
          const roe = roePct(samplePosition({ formula, kind }), pnl, dec(mark));
          expect(roe?.isNeg() ?? false).toBe(pnl.isNeg());
          expect(roe?.isZero() ?? false).toBe(pnl.isZero());
        },
      ),
    );
  });

  it('uPnL in USD: linear in the quote asset, inverse in coin at the coin price', () => {
    expect(unrealizedPnlUsd({ kind: 'linear' }, dec('3000'), dec('63000'), dec(1))?.toFixed()).toBe(
      '3000',
    );
    expect(unrealizedPnlUsd({ kind: 'inverse' }, dec('0.1'), dec('9000'), dec(1))?.toFixed()).toBe(
      '900',
    );
    expect(unrealizedPnlUsd({ kind: 'inverse' }, dec('0.1'), null, dec(1))).toBeNull();
  });

  it('notional in USD: Q × price (linear), the contract value (inverse)', () => {
    expect(notionalUsd({ kind: 'linear', size: '2' }, dec('60000'))?.toFixed()).toBe('120000');
    expect(notionalUsd({ kind: 'inverse', size: '10000' }, null)?.toFixed()).toBe('10000');
    expect(notionalUsd({ kind: 'linear', size: '2' }, null)).toBeNull();
  });
});

describe('distances', () => {
  it('distance to liquidation % = d·(P − LP)/P × 100, d = +1 when a fall liquidates', () => {
    expect(decStr(distanceToLiquidationPct('fall', dec('60000'), specLong)!, 2)).toBe('9.63');
    expect(decStr(distanceToLiquidationPct('rise', dec('60000'), dec('65721.39'))!, 2)).toBe(
      '9.54',
    );
    expect(distanceToLiquidationPct('fall', dec('60000'), null)).toBeNull();
  });

  it('stop distance % = s·(P − stop)/P × 100', () => {
    expect(stopDistancePct('long', dec('60000'), dec('57000'))?.toFixed()).toBe('5');
    expect(stopDistancePct('short', dec('60000'), dec('63000'))?.toFixed()).toBe('5');
  });

  it('a stop the liquidation reaches first is past liquidation', () => {
    expect(stopPastLiquidation('long', dec('54000'), specLong, 'fall')).toBe(true);
    expect(stopPastLiquidation('long', dec('55000'), specLong, 'fall')).toBe(false);
    expect(stopPastLiquidation('short', dec('66000'), dec('65721.39'), 'rise')).toBe(true);
    expect(stopPastLiquidation('short', dec('66000'), null, 'rise')).toBe(false);
  });

  it('a hedge leg’s stop on the side that cannot liquidate the account is never past it', () => {
    // Net-long account: the shared price 48,629.44 is reached by a fall; the short leg stops on a rise.
    expect(stopPastLiquidation('short', dec('65000'), dec('48629.44'), 'fall')).toBe(false);
  });

  it('gap to the exchange’s reported liquidation price, in percent of it', () => {
    expect(decStr(reportedGapPct(dec('54221.11'), dec('54000'))!, 2)).toBe('0.41');
    expect(reportedGapPct(null, dec('54000'))).toBeNull();
  });
});

describe('positionStatus', () => {
  it.each([
    ['66000', 'safe'],
    ['60000', 'warning'],
    ['57000', 'danger'],
    ['54221', 'breached'],
    ['50000', 'breached'],
  ])('long with LP 54,221.11 at mark %s is %s', (mark, status) => {
    expect(positionStatus('fall', dec(mark), specLong, false, thresholds)).toBe(status);
  });

  it('a safe distance with the stop past liquidation is a warning', () => {
    expect(positionStatus('fall', dec('80000'), specLong, true, thresholds)).toBe('warning');
  });

  it('is unknown without a mark, safe when it cannot be liquidated', () => {
    expect(positionStatus('fall', null, specLong, false, thresholds)).toBe('unknown');
    expect(positionStatus(null, dec('60000'), null, false, thresholds)).toBe('safe');
  });
});
