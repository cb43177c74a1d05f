// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC. Day counts are whole days.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(isoDate: string): number {
  const [y = '1970', m = '1', d = '1'] = isoDate.split('-');
  return Math.round(Date.UTC(Number(y), Number(m) - 1, Number(d)) / MS_PER_DAY);
}

/** The UTC calendar date of an instant, as YYYY-MM-DD. */
export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** `months` calendar months after a date; the day is clamped to the month's end (Jan 31 + 1 → Feb 28/29). */
export function addMonths(isoDate: string, months: number): string {
  const [y = '1970', m = '1', d = '1'] = isoDate.split('-');
  const monthIndex = Number(m) - 1 + months;
  const year = Number(y) + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(d), lastDay);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}
