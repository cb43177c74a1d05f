import { D, DECIMAL_PATTERN, dec } from './decimal';

// People type and read percents (docs/formulas.md "Percent and fraction"): "70", "70%" and
// "70 %" all mean 70 %. The contract keeps each field's unit (`…Pct` percent, `…Rate` and
// `hedgeRatio` fractions); the forms convert with these functions, and a percent that
// looks like a fraction (0.7 where 70 is meant) is questioned with the same sentence in
// the forms and in the contract.

/** Typed percent text without its sign: "70 %" → "70"; anything else is returned trimmed. */
export function percentText(typed: string): string {
  return typed.trim().replace(/\s*%$/, '').trim();
}

/** "0.7 looks like a fraction: did you mean 70 %?" for 0 < value < 1, else null. */
export function fractionSlip(pct: string): string | null {
  const text = percentText(pct);
  if (!DECIMAL_PATTERN.test(text)) return null;
  const value = dec(text);
  if (value.lte(0) || value.gte(1)) return null;
  return `${text} looks like a fraction: did you mean ${value.mul(100).toFixed()} %?`;
}

/** A typed percent as the contract's fraction: "0.5" → "0.005"; non-numbers pass through. */
export function percentToFraction(typed: string): string {
  const text = percentText(typed);
  return DECIMAL_PATTERN.test(text) ? dec(text).div(100).toFixed() : text;
}

/** A contract fraction as the percent a person reads and types: "0.005" → "0.5". */
export function fractionToPercent(fraction: string): string {
  return DECIMAL_PATTERN.test(fraction.trim())
    ? new D(fraction.trim()).mul(100).toFixed()
    : fraction;
}
