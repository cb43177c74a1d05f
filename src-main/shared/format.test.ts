import { describe, expect, it } from 'vitest';
import {
  MISSING,
  compareDecimal,
  formatAge,
  formatCoin,
  formatHashrate,
  formatEfficiency,
  formatJPerTh,
  formatPct,
  formatPerKwh,
  formatUsd,
  formatWatts,
  toBarPercent,
} from './format';

describe('format', () => {
  it('shows dollars with grouping and cents', () => {
    expect(formatUsd('54221.1055')).toBe('$54,221.11');
    expect(formatUsd('-1234.5')).toBe('-$1,234.50');
    expect(formatUsd('0.123456')).toBe('$0.123456');
    expect(formatUsd('0')).toBe('$0.00');
  });

  it('shows coin amounts without trailing zeros', () => {
    expect(formatCoin('0.056250000000', 'BTC')).toBe('0.05625 BTC');
    expect(formatCoin('12345.5', 'KAS')).toBe('12,345.5 KAS');
  });

  it('shows hash rates in their best unit', () => {
    expect(formatHashrate('110000000000000')).toBe('110 TH/s');
    expect(formatHashrate('100000000000000000')).toBe('100 PH/s');
    expect(formatHashrate('1500')).toBe('1.5 kH/s');
  });

  it('shows percent, power, efficiency and electricity with units', () => {
    expect(formatPct('12.5')).toBe('12.5 %');
    expect(formatWatts('850')).toBe('850 W');
    expect(formatWatts('3250')).toBe('3.25 kW');
    expect(formatJPerTh('29.545')).toBe('29.5 J/TH');
    expect(formatEfficiency('17.5', 'J/TH')).toBe('17.5 J/TH');
    expect(formatEfficiency('360.526315789', 'J/GH')).toBe('360.5 J/GH');
    expect(formatEfficiency('0.597826087', 'J/MH')).toBe('0.598 J/MH');
    expect(formatEfficiency(null, 'J/MH')).toBe('—');
    expect(formatPerKwh('0.08')).toBe('$0.08/kWh');
    expect(formatPerKwh('0.0725')).toBe('$0.0725/kWh');
  });

  it('shows a value that cannot be computed as a dash, never 0', () => {
    expect(formatUsd(null)).toBe(MISSING);
    expect(formatHashrate(null)).toBe(MISSING);
    expect(formatAge(null)).toBe(MISSING);
  });

  it('shows ages in words', () => {
    expect(formatAge(12)).toBe('12 s ago');
    expect(formatAge(190)).toBe('3 min ago');
    expect(formatAge(7200)).toBe('2 h ago');
  });

  it('compares decimals exactly and sorts missing values last', () => {
    expect(compareDecimal('0.1', '0.10000000000000000001')).toBeLessThan(0);
    expect(compareDecimal(null, '1')).toBeGreaterThan(0);
    expect(toBarPercent('50', '80')).toBe(62.5);
  });
});
