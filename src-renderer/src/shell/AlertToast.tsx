import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useState } from 'react';
import { useSnapshotState } from '../state/snapshot-context';

// A passing notice for each alert the host raises or escalates while the app is open
// (the desktop app also sends a system notification from the main process).

export function AlertToast() {
  const { lastAlert } = useSnapshotState();
  const [closedFor, setClosedFor] = useState<number | null>(null);

  if (!lastAlert || lastAlert.change === 'cleared' || !lastAlert.notify) return null;
  const { alert, change, receivedAt } = lastAlert;
  const severity = alert.severity === 'critical' ? 'error' : alert.severity;
  const close = () => setClosedFor(receivedAt);
  return (
    <Snackbar
      open={closedFor !== receivedAt}
      autoHideDuration={8000}
      onClose={close}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
    >
      <Alert severity={severity} onClose={close} variant="filled">
        {change === 'escalated' ? 'Escalated: ' : ''}
        {alert.message}
      </Alert>
    </Snackbar>
  );
}
