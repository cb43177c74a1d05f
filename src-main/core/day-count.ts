import type { DayCount } from '#api/loan';
import { type Dec, HUNDRED, ZERO, dec } from '#shared/decimal';
import { daysBetween } from './calendar';

// Day-count conventions for simple daily interest (docs/formulas-loans.md "Day count"):
// ACT/365 and ACT/360 divide the actual days by a fixed year; ACT/ACT (ISDA) divides the
// days that fall in a leap year by 366 and the others by 365.

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The fraction of a year from `from` to `to` (ISO dates; 0 when `to` is not later). */
export function yearFraction(from: string, to: string, dayCount: DayCount): Dec {
  const days = daysBetween(from, to);
  if (days <= 0) return ZERO;
  if (dayCount !== 'actual') return dec(days).div(dayCount);
  // ISDA 2006 §4.16(b): days in a leap year / 366 + days in a non-leap year / 365.
  let fraction = ZERO;
  let cursor = from;
  while (cursor < to) {
    const year = Number(cursor.slice(0, 4));
    const nextYear = `${String(year + 1).padStart(4, '0')}-01-01`;
    const segmentEnd = nextYear < to ? nextYear : to;
    fraction = fraction.plus(
      dec(daysBetween(cursor, segmentEnd)).div(isLeapYear(year) ? 366 : 365),
    );
    cursor = segmentEnd;
  }
  return fraction;
}

/** Simple interest on a balance from `from` to `to`: balance × APR × year fraction. */
export function dailyInterest(
  balance: Dec,
  aprPct: Dec | string,
  from: string,
  to: string,
  dayCount: DayCount,
): Dec {
  const days = daysBetween(from, to);
  if (days <= 0) return ZERO;
  const rate = dec(aprPct).div(HUNDRED);
  // Fixed-year counts keep the textbook order (× days ÷ year) so worked examples match to the cent.
  if (dayCount !== 'actual') return balance.mul(rate).mul(days).div(dayCount);
  return balance.mul(rate).mul(yearFraction(from, to, dayCount));
}
