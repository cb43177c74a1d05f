import { dec } from '#shared/decimal';
import { bestHashrateUnit, fromHs } from '#shared/units';

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

export const MISSING = '—';

/** "1234567.891" → "1,234,567.89" (fixed places, half-even, thousands separated). */
export function groupedNumber(value: string, places: number): string {
  // toFixed rounds half-even: the project's Decimal is configured so.
  const fixed = dec(value).toFixed(places);
  const negative = fixed.startsWith('-') && !/^-0(\.0*)?$/.test(fixed);
  const [whole = '0', fraction] = fixed.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** US dollars: "$1,234.56", "−$12.00". */
export function usd(value: string | null, places = 2): string {
  if (value === null) return MISSING;
  const text = groupedNumber(value, places);
  return text.startsWith('−') ? `−$${text.slice(1)}` : `$${text}`;
}

/** A unit price: cents from $1 up, six decimals below (a KAS price is a few cents). */
export function usdPrice(value: string | null): string {
  if (value === null) return MISSING;
  return usd(value, dec(value).abs().gte(1) ? 2 : 6);
}

/** A number followed by its unit: "12.50 %", "2.5 BTC", "1.60 ×". */
export function withUnit(value: string | null, unit: string, places = 2): string {
  return value === null ? MISSING : `${groupedNumber(value, places)} ${unit}`;
}

/** Hash rate in the largest unit that keeps it ≥ 1: "2.20 PH/s". */
export function hashrate(hs: string | null): string {
  if (hs === null) return MISSING;
  const value = dec(hs);
  const unit = bestHashrateUnit(value);
  return `${groupedNumber(fromHs(value, unit).toFixed(), 2)} ${unit}`;
}

/** An ISO date-time as "2026-10-31 23:59 UTC". */
export function utcTime(iso: string | undefined): string {
  if (iso === undefined) return MISSING;
  const t = Date.parse(iso);
  return Number.isNaN(t)
    ? escapeHtml(iso)
    : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
