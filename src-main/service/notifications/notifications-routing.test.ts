import { describe, expect, it, vi } from 'vitest';
import type { Alert } from '#api/records';
import { MINUTE, openNotifyFarm } from './test-fixtures/notify-farm';

// Routing and delivery rules, on a fake clock: quiet hours hold warnings and let critical
// alerts through, a digest gathers warnings into one message, a failing channel is retried
// with backoff or as long as Retry-After asks, and after 15 minutes of failures raises
// notification.failed. Offline mode sends nothing and says so.

type Status = {
  channelId: string;
  lastError: string | null;
  queued: number;
  offline: boolean;
  lastSuccessAt: string | null;
};

const bodies = (farm: Awaited<ReturnType<typeof openNotifyFarm>>) =>
  farm.receivers
    .of('ntfy')
    .map((r) => JSON.parse(r.body) as { title: string; message: string; priority: number });

/** Keeps the critical alert from repeating, so a test sees only what it is about. */
async function acknowledgeCritical(farm: Awaited<ReturnType<typeof openNotifyFarm>>) {
  const alerts = (await farm.service.call('alerts.list', {})) as Alert[];
  const critical = alerts.find((a) => a.severity === 'critical');
  if (!critical) throw new Error('no critical alert');
  await farm.service.call('alerts.acknowledge', { id: critical.id });
}

describe('routing', () => {
  it('holds warnings through quiet hours in the channel’s time zone and lets critical alerts through', async () => {
    // 22:30 UTC is 23:30 in Berlin: inside 22:00–07:00.
    const farm = await openNotifyFarm({ positions: ['A', 'B'], start: '2026-11-24T22:30:00.000Z' });
    await farm.channels([
      {
        kind: 'ntfy',
        enabled: true,
        minSeverity: 'warning',
        baseUrl: farm.receivers.url,
        topic: 'night',
        quietHours: { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' },
      },
    ]);
    // A is 8.1 % from liquidation (warning), B 4.7 % (critical).
    await farm.setBtc('59000');
    await vi.waitFor(() => expect(bodies(farm)).toHaveLength(1), { timeout: 5000 });
    expect(bodies(farm)[0]).toMatchObject({
      priority: 5,
      title: 'BTCUSDT long 4.7 % from liquidation',
    });
    await acknowledgeCritical(farm);
    const [status] = (await farm.service.call('notifications.status', {})) as Status[];
    expect(status?.queued).toBe(1);

    // 05:59 UTC is 06:59 in Berlin: still quiet.
    await farm.advance(7 * 60 * MINUTE + 29 * MINUTE);
    expect(bodies(farm)).toHaveLength(1);
    await farm.advance(1 * MINUTE);
    await vi.waitFor(() => expect(bodies(farm)).toHaveLength(2), { timeout: 5000 });
    expect(bodies(farm)[1]).toMatchObject({
      priority: 4,
      title: 'BTCUSDT long 8.1 % from liquidation',
    });
  });

  it('gathers warnings into one digest per digestMinutes; a critical alert does not wait', async () => {
    const farm = await openNotifyFarm({ positions: ['A', 'B', 'C'] });
    await farm.channels([
      {
        kind: 'ntfy',
        enabled: true,
        minSeverity: 'warning',
        baseUrl: farm.receivers.url,
        topic: 'digest',
        digestMinutes: 15,
      },
    ]);
    await farm.setBtc('59000');
    await vi.waitFor(() => expect(bodies(farm)).toHaveLength(1), { timeout: 5000 });
    expect(bodies(farm)[0]?.priority).toBe(5);
    await acknowledgeCritical(farm);

    await farm.advance(14 * MINUTE);
    expect(bodies(farm)).toHaveLength(1);
    await farm.advance(1 * MINUTE);
    await vi.waitFor(() => expect(bodies(farm)).toHaveLength(2), { timeout: 5000 });
    const digest = bodies(farm)[1]!;
    expect(digest.title).toBe('RigLedger: 2 alerts');
    expect(digest.message).toContain('BTCUSDT long 8.1 % from liquidation');
    expect(digest.message).toContain('BTCUSDT long 9 % from liquidation');
  });

  it('sends a channel only the severities and rules it takes', async () => {
    const farm = await openNotifyFarm({ positions: ['A', 'B'] });
    await farm.channels([
      {
        kind: 'ntfy',
        enabled: true,
        minSeverity: 'critical',
        baseUrl: farm.receivers.url,
        topic: 'crit',
      },
      {
        kind: 'ntfy',
        enabled: true,
        minSeverity: 'info',
        baseUrl: farm.receivers.url,
        topic: 'loans',
        rules: ['loan.ltv'],
      },
    ]);
    await farm.setBtc('59000');
    await vi.waitFor(() => expect(bodies(farm)).toHaveLength(1), { timeout: 5000 });
    await farm.advance(MINUTE);
    expect(
      farm.receivers.of('ntfy').map((r) => (JSON.parse(r.body) as { topic: string }).topic),
    ).toEqual(['crit']);
  });
});

describe('delivery under failures', () => {
  it('retries after the Retry-After the service asked for, then delivers the message once', async () => {
    const farm = await openNotifyFarm();
    farm.receivers.fail('telegram', 1, 429, 90);
    await farm.channels([
      {
        kind: 'telegram',
        enabled: true,
        minSeverity: 'critical',
        baseUrl: farm.receivers.url,
        botToken: '42:secret-bot',
        chatId: '777',
      },
    ]);
    await farm.setBtc('56500');
    await vi.waitFor(
      async () => {
        const [status] = (await farm.service.call('notifications.status', {})) as Status[];
        expect(status?.lastError).toBe(
          'Telegram answered HTTP 429: "{"ok":false,"description":"Too Many Requests","parameters":{"retry_after":90}}"; it asks us to wait 90 s.',
        );
      },
      { timeout: 5000 },
    );
    await farm.advance(60_000);
    expect(farm.receivers.of('telegram')).toHaveLength(0);
    await farm.advance(30_000);
    await vi.waitFor(() => expect(farm.receivers.of('telegram')).toHaveLength(1), {
      timeout: 5000,
    });
    await farm.advance(MINUTE);
    expect(farm.receivers.of('telegram')).toHaveLength(1);
  });

  it('raises notification.failed when a channel has failed for 15 minutes, and clears it when it works again', async () => {
    const farm = await openNotifyFarm();
    farm.receivers.fail('webhook', 1000, 503);
    const failed = async () =>
      ((await farm.service.call('alerts.list', {})) as Alert[]).filter(
        (a) => a.rule === 'notification.failed',
      );
    const [hook] = await farm.channels([
      {
        kind: 'webhook',
        enabled: true,
        minSeverity: 'critical',
        url: `${farm.receivers.url}/hook`,
        secret: 'whsec',
        name: 'Ops hook',
      },
    ]);
    await farm.setBtc('56500');
    await vi.waitFor(
      async () => {
        const [status] = (await farm.service.call('notifications.status', {})) as Status[];
        expect(status?.lastError).toBe(
          `The webhook at ${new URL(farm.receivers.url).host} answered HTTP 503: "{"error":"failing on purpose"}".`,
        );
      },
      { timeout: 5000 },
    );
    await farm.advance(14 * MINUTE);
    expect(await failed()).toHaveLength(0);
    await farm.advance(2 * MINUTE);
    await vi.waitFor(async () => expect(await failed()).toHaveLength(1), { timeout: 5000 });
    const [alert] = await failed();
    expect(alert).toMatchObject({ subjectId: hook!.id, severity: 'warning' });
    expect(alert!.message).toContain(
      'The Webhook channel "Ops hook" has failed every attempt since',
    );

    farm.receivers.fail('webhook', 0, 503);
    await farm.advance(5 * MINUTE);
    await vi.waitFor(() => expect(farm.receivers.of('webhook').length).toBeGreaterThan(0), {
      timeout: 5000,
    });
    await farm.advance(MINUTE);
    await vi.waitFor(async () => expect(await failed()).toHaveLength(0), { timeout: 5000 });
  });

  it('in offline mode sends nothing, and the status and the test button say so', async () => {
    const farm = await openNotifyFarm();
    const [channel] = await farm.channels([
      { kind: 'ntfy', enabled: true, minSeverity: 'info', baseUrl: farm.receivers.url, topic: 'x' },
    ]);
    await farm.service.call('settings.update', { offline: true });
    await farm.setBtc('56500');
    await farm.advance(30 * MINUTE);
    expect(farm.receivers.received).toHaveLength(0);
    expect(await farm.service.call('notifications.test', { channelId: channel!.id })).toEqual({
      delivered: false,
      error: 'RigLedger is in offline mode and sends nothing.',
    });
    const [status] = (await farm.service.call('notifications.status', {})) as Status[];
    expect(status).toMatchObject({
      offline: true,
      lastError: 'Offline mode: RigLedger sends nothing.',
    });
  });
});
