import { useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { pageHrefWith } from '../routes';
import { SnapshotContext } from '../state/snapshot-context';
import { useNotify } from './Notices';

// A passing notice for each alert the host raises or escalates while the app is open
// (the desktop app also sends a system notification from the main process), with "View",
// which opens the Alerts page at that alert.

const noSubscription = () => () => {};

export function AlertToast() {
  // Only the passing notice is read, so a Snapshot delta does not render this.
  const store = useContext(SnapshotContext)?.store;
  const lastAlert = useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    () => store?.get().lastAlert ?? null,
  );
  const notify = useNotify();
  const shown = useRef<number | null>(null);

  useEffect(() => {
    if (!lastAlert || lastAlert.change === 'cleared' || !lastAlert.notify) return;
    if (shown.current === lastAlert.receivedAt) return;
    shown.current = lastAlert.receivedAt;
    const { alert, change } = lastAlert;
    notify({
      message: `${change === 'escalated' ? 'Escalated: ' : ''}${alert.message}`,
      severity: alert.severity === 'critical' ? 'error' : alert.severity,
      testId: 'alert-notice',
      action: {
        label: 'View',
        name: `View on the Alerts page: ${alert.message}`,
        run: () => {
          window.location.hash = pageHrefWith('alerts', { alert: alert.id });
        },
      },
    });
  }, [lastAlert, notify]);

  return null;
}
