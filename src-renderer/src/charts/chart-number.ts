import { dec } from '#shared/decimal';
import { decimalFloat } from '#shared/decimal-text';

// The chart's edge: the only place a contract decimal string becomes a JS number (docs/formulas.md "Units and conventions"),
// and where an axis tick (a number chart.js chose) goes back to text for format.ts.

/**
 * A decimal string from the contract as a number chart.js can plot: its nearest float, as
 * decimal.js's `toNumber` gives it, without making a Decimal for each of a year's points
 * (that was most of the time a history chart took to render).
 */
export function toChartNumber(decimalString: string): number {
  const value = decimalFloat(decimalString);
  if (value === null) throw new Error(`"${decimalString}" is not a decimal number`);
  return value;
}

/** A tick value chart.js produced, as a decimal string for the formatters. */
export function fromChartNumber(value: number): string {
  return Number.isFinite(value) ? dec(value).toFixed() : '';
}
