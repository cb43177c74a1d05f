import { useSnapshotState } from '../state/snapshot-context';
import { AlertBox, Bar } from './plain';

/** What a page shows before the first snapshot: progress, or why it failed. */
export function SnapshotPending() {
  const { error } = useSnapshotState();
  if (error) {
    return <AlertBox severity="error">Could not load the farm: {error.message}</AlertBox>;
  }
  return <Bar label="Loading the farm" />;
}
