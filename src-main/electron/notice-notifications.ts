import type { StoreNotice } from '#api/snapshot';

// What the desktop app tells the operator, as system notifications, about the data
// files when it starts: a farm restored from a backup or started empty. The notice
// stays on the dashboard until dismissed; the notification makes sure it is seen even
// when RigLedger starts minimised to the tray. Upgrades are only shown on the dashboard.

export interface NoticeNotification {
  title: string;
  body: string;
}

/** At most this many at once; the dashboard lists them all. */
export const MAX_NOTICE_NOTIFICATIONS = 3;

export function noticeNotifications(notices: readonly StoreNotice[]): NoticeNotification[] {
  return notices
    .filter((notice) => notice.kind !== 'migrated')
    .slice(-MAX_NOTICE_NOTIFICATIONS)
    .map((notice) => ({
      title:
        notice.kind === 'recovered-from-backup'
          ? 'RigLedger: your farm was restored from a backup'
          : 'RigLedger: started with an empty farm',
      body: notice.message,
    }));
}
