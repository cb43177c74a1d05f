import Chip from '@mui/material/Chip';
import { useConnection } from '../state/host-context';

const LOOK = {
  connected: { label: 'Connected', color: 'success' },
  connecting: { label: 'Connecting…', color: 'default' },
  reconnecting: { label: 'Reconnecting…', color: 'warning' },
} as const;

export function ConnectionChip() {
  const state = useConnection();
  const look = LOOK[state];
  return (
    <Chip
      size="small"
      variant="outlined"
      color={look.color}
      label={look.label}
      data-testid="connection-state"
      data-state={state}
    />
  );
}
