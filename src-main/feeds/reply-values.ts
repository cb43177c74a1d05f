import { D, type Dec } from '#shared/decimal';

// Reading numbers out of a parsed reply (a price source's JSON, mempool's chain stats, a
// cgminer summary): a JSON number or a decimal string, never NaN or Infinity.

/**
 * Reads a number from a parsed reply: a JSON number or a decimal string. Returns null for
 * anything that is not a finite value; the caller decides whether zero or less is acceptable.
 * Numbers go through String() first so 67000.1 stays 67000.1 (no binary noise); an exponent
 * form such as 1e-7 is accepted by Decimal, NaN and Infinity are not.
 */
export function readDecimal(value: unknown): Dec | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return new D(String(value));
  }
  if (typeof value === 'string' && /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(value.trim())) {
    const parsed = new D(value.trim());
    return parsed.isFinite() ? parsed : null;
  }
  return null;
}

/** A price must be a finite number greater than zero. */
export function readPrice(value: unknown): Dec | null {
  const parsed = readDecimal(value);
  return parsed !== null && parsed.gt(0) ? parsed : null;
}
