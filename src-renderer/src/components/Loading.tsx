import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import { useSnapshotState } from '../state/snapshot-context';

/** What a page shows before the first snapshot: progress, or why it failed. */
export function SnapshotPending() {
  const { error } = useSnapshotState();
  if (error) {
    return <Alert severity="error">Could not load the farm: {error.message}</Alert>;
  }
  return <LinearProgress aria-label="Loading the farm" />;
}
