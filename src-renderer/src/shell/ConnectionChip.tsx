import { Chip } from '../components/plain';
import { useConnection } from '../state/host-context';

const LOOK = {
  connected: { label: 'Connected', tone: 'success' },
  connecting: { label: 'Connecting…', tone: 'default' },
  reconnecting: { label: 'Reconnecting…', tone: 'warning' },
} as const;

export function ConnectionChip() {
  const state = useConnection();
  const look = LOOK[state];
  return (
    <Chip
      outlined
      tone={look.tone}
      label={look.label}
      data-testid="connection-state"
      data-state={state}
    />
  );
}
