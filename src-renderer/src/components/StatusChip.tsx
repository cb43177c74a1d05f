import Chip from '@mui/material/Chip';

// One colour language for every health and status word in the app.

type Tone = 'success' | 'info' | 'warning' | 'error' | 'default';

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
};

export function toneOf(status: string): Tone {
  return TONES[status] ?? 'default';
}

export function StatusChip({ status, label }: { status: string; label?: string }) {
  const text = label ?? LABELS[status] ?? status.charAt(0).toUpperCase() + status.slice(1);
  return <Chip size="small" color={toneOf(status)} label={text} variant="filled" />;
}
