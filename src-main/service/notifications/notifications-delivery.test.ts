import { describe, expect, it, vi } from 'vitest';
import { createHmac } from 'node:crypto';
import type { ChannelInput } from '#api/notification-channel';
import type { Alert } from '#api/records';
import { startFakeSmtp } from './test-fixtures/fake-smtp';
import { MINUTE, openNotifyFarm, type NotifyFarm } from './test-fixtures/notify-farm';

// A critical alert reaches every kind of channel once, is repeated every 10 minutes while
// nobody acknowledges it, at most maxRepeats times, and stops when it is acknowledged in
// the dashboard or on Pushover.

const SMTP_LOGIN = { user: 'farm', password: 'smtp-pass-123' };

async function allChannels(farm: NotifyFarm, smtpPort: number): Promise<ChannelInput[]> {
  const url = farm.receivers.url;
  return [
    {
      kind: 'ntfy',
      enabled: true,
      minSeverity: 'critical',
      baseUrl: url,
      topic: 'rig-alerts',
      token: 'tk_ntfy_secret',
    },
    {
      kind: 'pushover',
      enabled: true,
      minSeverity: 'critical',
      baseUrl: url,
      userKey: 'u-pushover-key',
      appToken: 'a-pushover-token',
    },
    {
      kind: 'telegram',
      enabled: true,
      minSeverity: 'critical',
      baseUrl: url,
      botToken: '123:tg-bot-secret',
      chatId: '-1001234',
    },
    {
      kind: 'webhook',
      enabled: true,
      minSeverity: 'critical',
      url: `${url}/hook`,
      secret: 'whsec-shared',
    },
    {
      kind: 'email',
      enabled: true,
      minSeverity: 'critical',
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      user: SMTP_LOGIN.user,
      password: SMTP_LOGIN.password,
      from: 'rigledger@farm.example',
      to: 'ops@farm.example',
    },
  ];
}

function counts(farm: NotifyFarm, mails: string[]) {
  return {
    ntfy: farm.receivers.of('ntfy').length,
    pushover: farm.receivers.of('pushover').length,
    telegram: farm.receivers.of('telegram').length,
    webhook: farm.receivers.of('webhook').length,
    email: mails.length,
  };
}

const each = (n: number) => ({ ntfy: n, pushover: n, telegram: n, webhook: n, email: n });

async function activeCritical(farm: NotifyFarm): Promise<Alert> {
  const alerts = (await farm.service.call('alerts.list', {})) as Alert[];
  const alert = alerts.find((a) => a.rule === 'position.liquidation' && a.severity === 'critical');
  if (!alert) throw new Error('no critical liquidation alert');
  return alert;
}

describe('a critical alert on every channel', () => {
  it('arrives once per channel, repeats every 10 min until acknowledged, at most maxRepeats times', async () => {
    const farm = await openNotifyFarm();
    const smtp = await startFakeSmtp(SMTP_LOGIN);
    await farm.channels(await allChannels(farm, smtp.port));
    await farm.service.call('settings.update', {
      notifications: { escalation: { maxRepeats: 2 } },
    });

    await farm.setBtc('56500');
    await vi.waitFor(() => expect(counts(farm, smtp.mails)).toEqual(each(1)), { timeout: 5000 });

    const ntfy = JSON.parse(farm.receivers.of('ntfy')[0]!.body) as Record<string, unknown>;
    expect(ntfy).toMatchObject({
      topic: 'rig-alerts',
      title: 'BTCUSDT long 4 % from liquidation',
      priority: 5,
    });
    expect(String(ntfy.message)).toContain('BTC price from manual');
    expect(farm.receivers.of('ntfy')[0]!.headers.authorization).toBe('Bearer tk_ntfy_secret');
    const pushover = new URLSearchParams(farm.receivers.of('pushover')[0]!.body);
    expect(pushover.get('priority')).toBe('2');
    expect(pushover.get('retry')).toBe('60');
    expect(JSON.parse(farm.receivers.of('telegram')[0]!.body)).toMatchObject({
      chat_id: '-1001234',
    });
    expect(farm.receivers.of('telegram')[0]!.path).toBe('/bot123:tg-bot-secret/sendMessage');
    expect(smtp.mails[0]).toContain('Subject: BTCUSDT long 4 % from liquidation');

    // Nothing more within the 10 minutes.
    await farm.advance(9 * MINUTE);
    expect(counts(farm, smtp.mails)).toEqual(each(1));

    await farm.setBtc('56000');
    await farm.advance(1 * MINUTE);
    await vi.waitFor(() => expect(counts(farm, smtp.mails)).toEqual(each(2)), { timeout: 5000 });
    const repeat = JSON.parse(farm.receivers.of('webhook')[1]!.body) as {
      title: string;
      message: string;
      repeat: number;
    };
    expect(repeat.repeat).toBe(1);
    expect(repeat.title).toBe('Still open (1): BTCUSDT long 3.2 % from liquidation');
    expect(repeat.message).toContain(
      'Open for 10 min, not acknowledged; distance to liquidation now 3.18 %, 4.03 % when raised.',
    );

    await farm.advance(10 * MINUTE);
    await vi.waitFor(() => expect(counts(farm, smtp.mails)).toEqual(each(3)), { timeout: 5000 });
    // maxRepeats 2: no third repeat however long it stays open.
    await farm.advance(10 * MINUTE);
    await farm.advance(30 * MINUTE);
    expect(counts(farm, smtp.mails)).toEqual(each(3));
    // Each channel's last message is recorded as sent once its write lands.
    await vi.waitFor(
      async () => {
        const status = (await farm.service.call('notifications.status', {})) as unknown[];
        expect(status).toEqual(
          Array.from({ length: 5 }, () =>
            expect.objectContaining({
              lastError: null,
              queued: 0,
              lastSuccessAt: expect.any(String),
            }),
          ),
        );
      },
      { timeout: 5000 },
    );
  });

  it('stops repeating once the alert is acknowledged in the dashboard, and cancels the Pushover emergency', async () => {
    const farm = await openNotifyFarm();
    const url = farm.receivers.url;
    await farm.channels([
      {
        kind: 'webhook',
        enabled: true,
        minSeverity: 'critical',
        url: `${url}/hook`,
        secret: 'whsec-shared',
      },
      {
        kind: 'pushover',
        enabled: true,
        minSeverity: 'critical',
        baseUrl: url,
        userKey: 'u-key',
        appToken: 'a-token',
      },
    ]);
    await farm.setBtc('56500');
    await vi.waitFor(() => expect(farm.receivers.received).toHaveLength(2), { timeout: 5000 });
    await farm.advance(10 * MINUTE);
    await vi.waitFor(() => expect(farm.receivers.received).toHaveLength(4), { timeout: 5000 });

    // Both repeats recorded as sent, with their receipts.
    await vi.waitFor(
      async () =>
        expect(await farm.service.call('notifications.status', {})).toEqual([
          expect.objectContaining({ queued: 0 }),
          expect.objectContaining({ queued: 0 }),
        ]),
      { timeout: 5000 },
    );
    await farm.service.call('alerts.acknowledge', { id: (await activeCritical(farm)).id });
    await vi.waitFor(() => expect(farm.receivers.cancelledReceipts).toEqual(['rcpt-1', 'rcpt-2']), {
      timeout: 5000,
    });
    await farm.advance(10 * MINUTE);
    await farm.advance(10 * MINUTE);
    expect(farm.receivers.received).toHaveLength(4);
  });

  it('takes an acknowledgement on the Pushover phone app as an acknowledgement of the alert', async () => {
    const farm = await openNotifyFarm();
    await farm.channels([
      {
        kind: 'pushover',
        enabled: true,
        minSeverity: 'critical',
        baseUrl: farm.receivers.url,
        userKey: 'u-key',
        appToken: 'a-token',
      },
    ]);
    await farm.setBtc('56500');
    await vi.waitFor(() => expect(farm.receivers.of('pushover')).toHaveLength(1), {
      timeout: 5000,
    });

    // The receipt is kept once the message is recorded as sent.
    await vi.waitFor(
      async () =>
        expect(await farm.service.call('notifications.status', {})).toEqual([
          expect.objectContaining({ lastSuccessAt: expect.any(String) }),
        ]),
      { timeout: 5000 },
    );
    farm.receivers.acknowledgeReceipt('rcpt-1');
    await farm.advance(30_000);
    await vi.waitFor(
      async () => expect((await activeCritical(farm)).acknowledgedAt).toBeDefined(),
      { timeout: 5000 },
    );
    await farm.advance(10 * MINUTE);
    expect(farm.receivers.of('pushover')).toHaveLength(1);
  });

  it('signs each webhook body so the receiver can verify it with the shared secret', async () => {
    const farm = await openNotifyFarm();
    await farm.channels([
      {
        kind: 'webhook',
        enabled: true,
        minSeverity: 'warning',
        url: `${farm.receivers.url}/hook`,
        secret: 'whsec-shared',
      },
    ]);
    await farm.setBtc('56500');
    await vi.waitFor(() => expect(farm.receivers.of('webhook')).toHaveLength(1), { timeout: 5000 });

    const [hook] = farm.receivers.of('webhook');
    const expected = `sha256=${createHmac('sha256', 'whsec-shared').update(hook!.body).digest('hex')}`;
    expect(hook!.headers['x-rigledger-signature']).toBe(expected);
    expect(JSON.parse(hook!.body)).toEqual({
      id: expect.stringMatching(/~r0~/),
      alertId: (await activeCritical(farm)).id,
      rule: 'position.liquidation',
      severity: 'critical',
      title: 'BTCUSDT long 4 % from liquidation',
      message: expect.stringContaining('is 4.03 % from liquidation at $54,221.11'),
      raisedAt: expect.any(String),
      repeat: 0,
    });
  });
});
