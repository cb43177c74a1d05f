import { dec } from '#shared/decimal';

// The chart's edge: the only place a contract decimal string becomes a JS number (docs/formulas.md "Units and conventions"),
// and where an axis tick (a number chart.js chose) goes back to text for format.ts.

/** A decimal string from the contract as a number chart.js can plot. */
export function toChartNumber(decimalString: string): number {
  return dec(decimalString).toNumber();
}

/** A tick value chart.js produced, as a decimal string for the formatters. */
export function fromChartNumber(value: number): string {
  return Number.isFinite(value) ? dec(value).toFixed() : '';
}
