import type { PriceEntry } from '#api/snapshot';
import { formatUsd } from '#shared/format';

// An alert computed from a price the operator typed says so, so a slip in that price is
// recognised as the cause rather than the market (docs/formulas.md "Manual prices").

/** " (at the manual price of $62,000 for BTC)" for each manual price used, else "". */
export function manualPriceNote(
  assets: readonly string[],
  prices: Readonly<Record<string, PriceEntry>>,
): string {
  const notes = [...new Set(assets.map((a) => a.toUpperCase()))].flatMap((asset) => {
    const entry = prices[asset];
    return entry?.manual ? [`${asset} at the manual price of ${formatUsd(entry.usd)}`] : [];
  });
  return notes.length === 0 ? '' : ` Computed with ${notes.join(' and ')}.`;
}
