import type { Alert } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import { alertRuleLabel } from '#shared/alert-rule-labels';
import { formatAge, formatDuration, formatPct } from '#shared/format';

// What an off-desk message says (docs/notifications.md "Messages"): a short title, the
// alert's sentence with its numbers, the price it was judged on with its source and age,
// and for a repeat how long the alert has been open and how its figure moved.

const SEVERITY_WORD = { critical: 'Critical', warning: 'Warning', info: 'Notice' } as const;

/** "BTCUSDT short 4.1 % from liquidation" for a position; "Critical: Loan-to-value too high" otherwise. */
export function notificationTitle(alert: Alert, snapshot: Snapshot): string {
  if (alert.rule === 'position.liquidation') {
    const position = snapshot.positions.find((p) => p.id === alert.subjectId);
    if (position && alert.value !== null) {
      return alert.level >= 3
        ? `${position.symbol} ${position.side} past liquidation`
        : `${position.symbol} ${position.side} ${formatPct(alert.value, 1)} from liquidation`;
    }
  }
  return `${SEVERITY_WORD[alert.severity]}: ${alertRuleLabel(alert.rule)}`;
}

/** The asset whose price the alert was judged on, when it has one. */
function pricedAsset(alert: Alert, snapshot: Snapshot): string | null {
  if (alert.subjectKind === 'price') return alert.subjectId;
  if (alert.subjectKind === 'position')
    return snapshot.positions.find((p) => p.id === alert.subjectId)?.baseAsset ?? null;
  if (alert.subjectKind === 'loan') {
    const loan = snapshot.loans.find((l) => l.id === alert.subjectId);
    return loan?.collateral[0]?.asset ?? null;
  }
  return null;
}

export function priceLine(alert: Alert, snapshot: Snapshot, at: Date): string | null {
  const asset = pricedAsset(alert, snapshot);
  const price = asset === null ? undefined : snapshot.prices[asset];
  if (asset === null || price === undefined) return null;
  const ageSec = (at.getTime() - Date.parse(price.at)) / 1000;
  return `${asset} price from ${price.source}, ${formatAge(ageSec)}.`;
}

/** For a repeat: "Open for 20 min; distance to liquidation now 3.2 %, 4.1 % when raised." */
export function repeatLine(
  alert: Alert,
  since: string,
  valueAtRaise: string | null,
  at: Date,
): string {
  const open = `Open for ${formatDuration((at.getTime() - Date.parse(since)) / 1000)}, not acknowledged`;
  if (alert.value === null || valueAtRaise === null) return `${open}.`;
  const what = alert.rule === 'position.liquidation' ? 'distance to liquidation' : 'figure';
  const unit = (v: string) => (alert.rule === 'position.liquidation' ? formatPct(v, 2) : v);
  return `${open}; ${what} now ${unit(alert.value)}, ${unit(valueAtRaise)} when raised.`;
}

/** Dollar amounts and plain figures hidden; percents stay (the operator's "redact amounts"). */
export function redactAmounts(text: string): string {
  return text
    .replace(/-?\$\s?\d[\d,]*(\.\d+)?/g, '$•••')
    .replace(/\b\d[\d,]*(\.\d+)?(?!\s?%)(?=\s?(USD|USDT|USDC|BTC|LTC|KAS|ETC)\b)/g, '•••');
}
