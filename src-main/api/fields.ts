import { z } from 'zod';
import './messages';
import { DECIMAL_PATTERN } from '#shared/decimal';

// Field-level schemas shared by every record. Messages are written for a farm operator:
// they appear under form fields and in `invalid_params` errors.

export const decimalString = z
  .string({
    // A JSON number would pass through a binary float: the contract takes decimal strings.
    error: (issue) =>
      typeof issue.input === 'number'
        ? 'Send numbers as decimal strings, e.g. "12.5".'
        : 'Enter a number.',
  })
  .trim()
  .max(40, { error: 'That number has too many digits; check it for a typing slip.' })
  .regex(DECIMAL_PATTERN, {
    error: 'Enter a plain decimal number such as 12.5 (no commas or units).',
  });

/**
 * A figure RigLedger computed (an alert's value, its threshold), as stored: any size the
 * arithmetic can reach from accepted input, so a figure derived from valid records can
 * always be saved. The 40-character typing-slip cap belongs to what a person enters.
 */
export const figureString = z
  .string()
  .max(400, { error: 'That figure is too large to store.' })
  .regex(DECIMAL_PATTERN, { error: 'A figure is a plain decimal number.' });

function compare(value: string, bound: string): number {
  // Decimal strings compared exactly, without floats: sign, integer length, then text.
  const a = value.startsWith('-') ? -1 : 1;
  const b = bound.startsWith('-') ? -1 : 1;
  if (a !== b) return a;
  const [ai = '', af = ''] = value.replace('-', '').split('.');
  const [bi = '', bf = ''] = bound.replace('-', '').split('.');
  const aInt = ai.replace(/^0+(?=\d)/, '');
  const bInt = bi.replace(/^0+(?=\d)/, '');
  let cmp = aInt.length - bInt.length || (aInt < bInt ? -1 : aInt > bInt ? 1 : 0);
  if (cmp === 0) {
    const len = Math.max(af.length, bf.length);
    const x = af.padEnd(len, '0');
    const y = bf.padEnd(len, '0');
    cmp = x < y ? -1 : x > y ? 1 : 0;
  }
  return a * Math.sign(cmp);
}

export function decimalCompare(value: string, bound: string): number {
  if (/^-0*(\.0*)?$/.test(value)) value = '0';
  if (/^-0*(\.0*)?$/.test(bound)) bound = '0';
  return compare(value, bound);
}

export const positiveDecimal = decimalString.refine((v) => decimalCompare(v, '0') > 0, {
  error: 'Must be greater than 0.',
});

export const nonNegativeDecimal = decimalString.refine((v) => decimalCompare(v, '0') >= 0, {
  error: 'Must be 0 or more.',
});

export function decimalBetween(min: string, max: string, unit: string) {
  return decimalString.refine((v) => decimalCompare(v, min) >= 0 && decimalCompare(v, max) <= 0, {
    error: `Must be between ${min} and ${max} ${unit}.`,
  });
}

export const percent = decimalBetween('0', '100', '%');

export const isoDate = z
  .string({ error: 'Enter a date.' })
  .max(10, { error: 'Enter a date as YYYY-MM-DD.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Enter a date as YYYY-MM-DD.' })
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      error: 'That date does not exist.',
    },
  );

// Capped: the format alone allows any number of digits after the seconds' decimal point.
export const isoDateTime = z.iso
  .datetime({
    offset: true,
    error: 'Enter a date and time in ISO 8601 form.',
  })
  .max(40, { error: 'Enter a date and time in ISO 8601 form.' });

export const recordId = z.string().min(1).max(64);

export const assetSymbol = z
  .string({ error: 'Enter a coin symbol.' })
  .max(40, { error: 'A coin symbol is 2–10 letters or digits, e.g. BTC.' }) // before trim()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,10}$/, { error: 'A coin symbol is 2–10 letters or digits, e.g. BTC.' });

export const shortText = (label: string, max = 80) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, { error: `Enter the ${label}.` })
    .max(max, {
      error: `Keep the ${label} under ${max} characters.`,
    });
