import { MISSING, formatHashrate, formatNumber, formatUsd } from '#shared/format';

// How the printable report writes text and numbers: every string escaped for HTML, every
// number with its unit, a missing value as a dash (never 0). Numbers stay decimal
// strings until they are text.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export { MISSING };

// Numbers are written by the dashboard's own formatting module, so a figure reads the
// same in the report as on screen.

/** "1234567.891" → "1,234,567.89" (fixed places, half-even, thousands separated). */
export function groupedNumber(value: string, places: number): string {
  return formatNumber(value, places, places);
}

/** US dollars: "$1,234.56", "-$12.00"; prices below a dollar keep up to 6 places. */
export function usd(value: string | null): string {
  return formatUsd(value);
}

/** A unit price: cents from $1 up, six decimals below (a KAS price is a few cents). */
export function usdPrice(value: string | null): string {
  return formatUsd(value);
}

/** A number followed by its unit: "12.50 %", "2.5 BTC", "1.60 ×". */
export function withUnit(value: string | null, unit: string, places = 2): string {
  return value === null ? MISSING : `${formatNumber(value, places, places)} ${unit}`;
}

/** Hash rate in the largest unit that keeps it ≥ 1: "2.2 PH/s". */
export function hashrate(hs: string | null): string {
  return formatHashrate(hs);
}

/** An ISO date-time as "2026-10-31 23:59 UTC". */
export function utcTime(iso: string | undefined): string {
  if (iso === undefined) return MISSING;
  const t = Date.parse(iso);
  return Number.isNaN(t)
    ? escapeHtml(iso)
    : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
