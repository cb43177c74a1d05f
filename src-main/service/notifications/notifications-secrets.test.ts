import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ChannelInput } from '#api/notification-channel';
import type { SecretSealer } from '#store/secrets';
import { openTestService } from '../test-service';
import { openNotifyFarm } from './test-fixtures/notify-farm';

// Channel secrets are write-only: settings.get names them, never returns them; they are
// never in rigledger.json, the rotating backups, an export (unless asked for), a log line
// or an error; secrets.json is mode 0600 and sealed where the OS offers a keychain.

const SECRETS = [
  'ntfy-token-8c1f',
  'pushover-user-7d2e',
  'pushover-app-5a9b',
  '99:telegram-bot-3f4a',
  'smtp-pass-6b0c',
  'webhook-secret-1e7d',
];

function channels(url: string): ChannelInput[] {
  return [
    {
      kind: 'ntfy',
      enabled: true,
      minSeverity: 'critical',
      baseUrl: url,
      topic: 'farm',
      token: SECRETS[0],
    },
    {
      kind: 'pushover',
      enabled: true,
      minSeverity: 'critical',
      baseUrl: url,
      userKey: SECRETS[1],
      appToken: SECRETS[2],
    },
    {
      kind: 'telegram',
      enabled: true,
      minSeverity: 'critical',
      baseUrl: url,
      botToken: SECRETS[3],
      chatId: '5',
    },
    {
      kind: 'email',
      enabled: true,
      minSeverity: 'critical',
      host: '127.0.0.1',
      port: 9,
      secure: false,
      user: 'farm',
      password: SECRETS[4],
      from: 'a@farm.example',
      to: 'b@farm.example',
    },
    {
      kind: 'webhook',
      enabled: true,
      minSeverity: 'critical',
      url: `${url}/hook`,
      secret: SECRETS[5],
    },
  ];
}

const leaked = (text: string) => SECRETS.filter((secret) => text.includes(secret));

async function folderText(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name !== 'secrets.json')
      text += await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return text;
}

describe('channel secrets', () => {
  it('are never returned by settings.get, stored in rigledger.json or backups, or exported unasked', async () => {
    const service = await openTestService();
    const saved = (await service.call('settings.update', {
      notifications: { channels: channels('http://127.0.0.1:9') },
    })) as { notifications: { channels: { secretsSet: string[] }[] } };
    expect(saved.notifications.channels.map((c) => c.secretsSet)).toEqual([
      ['token'],
      ['userKey', 'appToken'],
      ['botToken'],
      ['password'],
      ['secret'],
    ]);
    expect(leaked(JSON.stringify(await service.call('settings.get', {})))).toEqual([]);
    await service.call('backup.create', {});
    expect(leaked(await folderText(service.dataDir))).toEqual([]);
    expect(leaked(JSON.stringify(await service.call('backup.export', {})))).toEqual([]);

    const withSecrets = await service.call('backup.export', { includeSecrets: true });
    expect(leaked(JSON.stringify(withSecrets))).toEqual(SECRETS);
    const mode = (await stat(join(service.dataDir, 'secrets.json'))).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('are kept when a channel is saved again without them, and travel only in an export that asked', async () => {
    const service = await openTestService();
    const first = (await service.call('settings.update', {
      notifications: { channels: channels('http://127.0.0.1:9') },
    })) as { notifications: { channels: ({ id: string } & Record<string, unknown>)[] } };
    // The dashboard sends the channels back as settings.get showed them: no secrets.
    await service.call('settings.update', {
      notifications: {
        channels: first.notifications.channels.map((c) => ({ ...c, enabled: false })),
      },
    });
    const withSecrets = await service.call('backup.export', { includeSecrets: true });
    expect(leaked(JSON.stringify(withSecrets))).toEqual(SECRETS);

    const other = await openTestService();
    await other.call('backup.import', { ...(withSecrets as object), confirmSilencing: true });
    expect(
      leaked(JSON.stringify(await other.call('backup.export', { includeSecrets: true }))),
    ).toEqual(SECRETS);
  });

  it('refuses a channel without the secret it needs, naming the field and no other secret', async () => {
    const service = await openTestService();
    const error = await service
      .call('settings.update', {
        notifications: {
          channels: [
            {
              kind: 'webhook',
              enabled: true,
              minSeverity: 'critical',
              url: 'http://127.0.0.1:9/hook',
              secret: SECRETS[5],
            },
            { kind: 'telegram', enabled: true, minSeverity: 'critical', chatId: '5' },
          ],
        },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'invalid_params',
      message:
        'The notification channels were not saved: The Telegram channel needs its bot token.',
      details: { issues: [{ path: 'notifications.channels.1.botToken' }] },
    });
    expect(leaked(JSON.stringify(error))).toEqual([]);
    expect(leaked(JSON.stringify(await service.call('settings.get', {})))).toEqual([]);
  });

  it('never appear in a log line, a status error or a test answer when every channel fails', async () => {
    const farm = await openNotifyFarm();
    for (const kind of ['ntfy', 'pushover', 'telegram', 'webhook'] as const)
      farm.receivers.fail(kind, 100, 401);
    const saved = await farm.channels(channels(farm.receivers.url));
    await farm.setBtc('56500');
    const answers = await Promise.all(
      saved.map((c) => farm.service.call('notifications.test', { channelId: c.id })),
    );
    expect(answers.every((a) => (a as { delivered: boolean }).delivered === false)).toBe(true);
    await vi.waitFor(
      async () => {
        const status = (await farm.service.call('notifications.status', {})) as {
          lastError: string | null;
        }[];
        expect(status.every((s) => s.lastError !== null)).toBe(true);
      },
      { timeout: 15_000 },
    );
    const everything = JSON.stringify([
      answers,
      await farm.service.call('notifications.status', {}),
      farm.logged,
    ]);
    expect(leaked(everything)).toEqual([]);
  });

  it('are sealed with the OS keychain where the desktop app offers one', async () => {
    const sealer: SecretSealer = {
      kind: 'test-keychain',
      seal: (plain) => Buffer.from(plain).toString('base64').split('').reverse().join(''),
      unseal: (sealed) => Buffer.from(sealed.split('').reverse().join(''), 'base64').toString(),
    };
    const service = await openTestService({ secretSealer: sealer });
    await service.call('settings.update', {
      notifications: { channels: channels('http://127.0.0.1:9') },
    });
    const onDisk = await readFile(join(service.dataDir, 'secrets.json'), 'utf8');
    expect(onDisk).toContain('"sealedWith": "test-keychain"');
    expect(leaked(onDisk)).toEqual([]);
    await service.close();
    const again = await openTestService({ dataDir: service.dataDir, secretSealer: sealer });
    expect(
      leaked(JSON.stringify(await again.call('backup.export', { includeSecrets: true }))),
    ).toEqual(SECRETS);
  });
});
