import { Notification } from 'electron';
import type { AlertChange } from '#api/events';
import { methods } from '#api/methods';
import type { Alert } from '#api/records';
import type { FarmService } from '#service/types';
import { noticeNotifications } from './notice-notifications';
import { describeError } from '#shared/describe-error';

// System notifications for alerts that are new or got worse (docs/formulas.md "Alerts"). The service has
// already applied acknowledgements, mutes and hysteresis; this only asks whether the
// operator wants desktop notifications at all.

const NOTIFY_ON: ReadonlySet<AlertChange> = new Set(['raised', 'escalated']);

function notificationTitle(alert: Alert, change: AlertChange): string {
  const severity =
    alert.severity === 'critical'
      ? 'Critical'
      : alert.severity === 'warning'
        ? 'Warning'
        : 'Notice';
  return change === 'escalated' ? `RigLedger: ${severity} (worse)` : `RigLedger: ${severity}`;
}

export interface NotificationOptions {
  service: FarmService;
  /** Clicking a notification brings the window forward. */
  showWindow: () => void;
  log: (line: string) => void;
}

export function startAlertNotifications(options: NotificationOptions): () => void {
  const { service, log } = options;
  // Electron drops a Notification that is garbage collected before it is closed, taking
  // its click handler with it: hold each one until it closes.
  const open = new Set<Notification>();

  async function wantsDesktopNotifications(): Promise<boolean> {
    const settings = methods['settings.get'].result.parse(await service.call('settings.get', {}));
    return settings.notifications.desktop;
  }

  function show(title: string, body: string, critical: boolean): void {
    const notification = new Notification({
      title,
      body,
      // Linux only: a critical notification stays until the operator dismisses it.
      ...(process.platform === 'linux' ? { urgency: critical ? 'critical' : 'normal' } : {}),
    });
    open.add(notification);
    notification.on('close', () => open.delete(notification));
    notification.on('click', () => options.showWindow());
    notification.on('failed', (_event, error) => {
      open.delete(notification);
      log(`A desktop notification could not be shown: ${describeError(error)}`);
    });
    notification.show();
  }

  async function notify(alert: Alert, change: AlertChange): Promise<void> {
    if (!Notification.isSupported() || !(await wantsDesktopNotifications())) return;
    show(notificationTitle(alert, change), alert.message, alert.severity === 'critical');
  }

  // A farm restored from a backup or started empty: told once per start, until the
  // notice is dismissed on the dashboard.
  async function notifyStoreNotices(): Promise<void> {
    if (!Notification.isSupported() || !(await wantsDesktopNotifications())) return;
    const notices = methods['notices.list'].result.parse(await service.call('notices.list', {}));
    for (const { title, body } of noticeNotifications(notices)) show(title, body, true);
  }
  notifyStoreNotices().catch((error: unknown) =>
    log(`Could not show the data-file notices: ${String(error)}`),
  );

  const unsubscribe = service.onEvent((event) => {
    // `notify` is false while the subject is muted; acknowledged alerts only return on escalation.
    if (event.type !== 'alert' || !event.notify || !NOTIFY_ON.has(event.change)) return;
    notify(event.alert, event.change).catch((error: unknown) =>
      log(`Could not show the notification for "${event.alert.message}": ${describeError(error)}`),
    );
  });

  return () => {
    unsubscribe();
    for (const notification of open) notification.close();
    open.clear();
  };
}
