import { describe, expect, it } from 'vitest';
import type { StoreNotice } from '#api/snapshot';
import { MAX_NOTICE_NOTIFICATIONS, noticeNotifications } from './notice-notifications';

const notice = (kind: StoreNotice['kind'], n: number): StoreNotice => ({
  id: `${kind}-${n}`,
  kind,
  message: `message ${n}`,
  at: '2026-11-24T17:05:00.000Z',
});

describe('desktop notifications for store notices', () => {
  it('tells of a restored or empty farm, not of an upgrade', () => {
    expect(
      noticeNotifications([
        notice('migrated', 1),
        notice('recovered-from-backup', 2),
        notice('recovered-empty', 3),
      ]),
    ).toEqual([
      { title: 'RigLedger: your farm was restored from a backup', body: 'message 2' },
      { title: 'RigLedger: started with an empty farm', body: 'message 3' },
    ]);
  });

  it(`shows the newest ${MAX_NOTICE_NOTIFICATIONS} at most`, () => {
    const many = Array.from({ length: 6 }, (_, i) => notice('recovered-empty', i));
    expect(noticeNotifications(many).map((n) => n.body)).toEqual([
      'message 3',
      'message 4',
      'message 5',
    ]);
  });
});
