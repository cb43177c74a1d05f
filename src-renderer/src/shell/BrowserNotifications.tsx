import { useEffect, useState } from 'react';
import { Button } from '../components/plain';
import { useHost } from '../state/host-context';
import { useLastAlert } from '../state/snapshot-context';

// In a browser (the web host), alerts that should wake the operator also become system
// notifications through the Notification API, once the operator has allowed them. The
// desktop app does this from its main process instead.

function browserPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Shows a system notification for each raised or escalated alert the host says to tell. */
export function BrowserNotifier() {
  const host = useHost();
  const lastAlert = useLastAlert();
  useEffect(() => {
    if (host.notifications !== 'browser' || browserPermission() !== 'granted') return;
    if (!lastAlert || lastAlert.change === 'cleared' || !lastAlert.notify) return;
    const { alert, change } = lastAlert;
    const title = `RigLedger: ${alert.severity}${change === 'escalated' ? ' (worse)' : ''}`;
    // The tag replaces an older notification about the same subject instead of stacking.
    new Notification(title, { body: alert.message, tag: `${alert.rule}|${alert.subjectId}` });
  }, [host.notifications, lastAlert]);
  return null;
}

/** A button that asks the browser for permission; hidden once decided or in the desktop app. */
export function EnableBrowserNotifications() {
  const host = useHost();
  const [permission, setPermission] = useState(browserPermission);
  if (host.notifications !== 'browser' || permission === 'unsupported') return null;
  if (permission === 'denied') {
    return <span>System notifications are blocked for this page in the browser’s settings.</span>;
  }
  if (permission === 'granted') return null;
  return (
    <Button
      look="outlined"
      onClick={() => {
        void Notification.requestPermission().then(setPermission);
      }}
    >
      Enable system notifications
    </Button>
  );
}
