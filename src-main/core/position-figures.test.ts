import { describe, expect, it } from 'vitest';
import { dec, decStr } from '#shared/decimal';
import {
  distanceToLiquidationPct,
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
  it('ROE % = uPnL / (Q·EP/leverage) × 100 (Binance "How to calculate PnL and ROE")', () => {
    // 1 BTC long at 60,000, 10×: initial margin 6,000; +3,000 PnL is +50 %.
    expect(roePct(samplePosition(), dec('3000'))?.toFixed()).toBe('50');
    // Inverse: 10,000 contracts at 8,000, 20× → margin 0.0625 BTC; +0.13888889 BTC ≈ +222.22 %.
    const inverse = samplePosition({
      kind: 'inverse',
      size: '10000',
      entryPrice: '8000',
      leverage: '20',
    });
    expect(decStr(roePct(inverse, dec('0.138888888888888889'))!, 2)).toBe('222.22');
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
  it('distance to liquidation % = s·(P − LP)/P × 100', () => {
    expect(decStr(distanceToLiquidationPct('long', dec('60000'), specLong)!, 2)).toBe('9.63');
    expect(decStr(distanceToLiquidationPct('short', dec('60000'), dec('65721.39'))!, 2)).toBe(
      '9.54',
    );
    expect(distanceToLiquidationPct('long', dec('60000'), null)).toBeNull();
  });

  it('stop distance % = s·(P − stop)/P × 100', () => {
    expect(stopDistancePct('long', dec('60000'), dec('57000'))?.toFixed()).toBe('5');
    expect(stopDistancePct('short', dec('60000'), dec('63000'))?.toFixed()).toBe('5');
  });

  it('a stop the liquidation reaches first is past liquidation', () => {
    expect(stopPastLiquidation('long', dec('54000'), specLong)).toBe(true);
    expect(stopPastLiquidation('long', dec('55000'), specLong)).toBe(false);
    expect(stopPastLiquidation('short', dec('66000'), dec('65721.39'))).toBe(true);
    expect(stopPastLiquidation('short', dec('66000'), null)).toBe(false);
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
    expect(positionStatus('long', dec(mark), specLong, false, thresholds)).toBe(status);
  });

  it('a safe distance with the stop past liquidation is a warning', () => {
    expect(positionStatus('long', dec('80000'), specLong, true, thresholds)).toBe('warning');
  });

  it('is unknown without a mark, safe when it cannot be liquidated', () => {
    expect(positionStatus('long', null, specLong, false, thresholds)).toBe('unknown');
    expect(positionStatus('long', dec('60000'), null, false, thresholds)).toBe('safe');
  });
});
