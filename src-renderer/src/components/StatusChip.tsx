import { memo } from 'react';
import { Chip, type Tone } from './plain';

// One colour language and one vocabulary for every health and status word in the app: a
// position in danger reads "Critical", as its alert does. A reassuring word computed from
// a stale, disputed or single-source price is not shown at all ("Unknown — price stale").

const TONES: Record<string, Tone> = {
  healthy: 'success',
  safe: 'success',
  online: 'success',
  active: 'success',
  ok: 'success',
  watch: 'info',
  maintenance: 'info',
  warning: 'warning',
  'margin-call': 'warning',
  check: 'warning',
  stale: 'warning',
  disputed: 'warning',
  manual: 'info',
  danger: 'error',
  liquidation: 'error',
  breached: 'error',
  critical: 'error',
  offline: 'error',
  failing: 'error',
  retired: 'default',
  unknown: 'default',
  info: 'info',
};

const LABELS: Record<string, string> = {
  'margin-call': 'Margin call',
  danger: 'Critical',
};

/** Words that claim all is well: untrustworthy when the price behind them is not. */
const REASSURING = new Set(['healthy', 'safe', 'watch', 'ok']);

export function toneOf(status: string): Tone {
  return TONES[status] ?? 'default';
}

/** Re-rendered only when what it says changes, not with the figures around it. */
export const StatusChip = memo(function StatusChip({
  status,
  label,
  priceStale = false,
}: {
  status: string;
  label?: string;
  /** The figure behind the status rests on a stale, disputed or single-source price. */
  priceStale?: boolean;
}) {
  if (priceStale && REASSURING.has(status))
    return <Chip tone="warning" label="Unknown — price stale" />;
  const text = label ?? LABELS[status] ?? status.charAt(0).toUpperCase() + status.slice(1);
  return <Chip tone={toneOf(status)} label={text} />;
});
