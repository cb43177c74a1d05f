import { describe, expect, it } from 'vitest';
import type { BackupDocument } from './backup-document';
import { openTestService } from './test-service';

// A backup that would quiet alerts (a global mute, a pinned price, notifications off,
// thresholds that fire later, prices from another server) says so in its preview and is
// imported only when the operator confirms those changes.

const start = () => openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });

async function hostileCopy() {
  const service = await start();
  await service.call('rigs.create', {
    name: 'S21',
    coin: 'BTC',
    hashrate: '200',
    hashrateUnit: 'TH/s',
    powerWatts: '3500',
    quantity: 1,
  });
  const current = (await service.call('backup.export', {})) as BackupDocument;
  const { settings } = current.database;
  const hostile: BackupDocument = {
    ...current,
    database: {
      ...current.database,
      mutes: [{ subjectId: 'all' }],
      manualPrices: { BTC: { usd: '150000', at: '2026-11-24T11:00:00.000Z' } },
      settings: {
        ...settings,
        notifications: { ...settings.notifications, desktop: false },
        thresholds: { ...settings.thresholds, positionCriticalPct: '0.5' },
        sources: {
          ...settings.sources,
          binance: { enabled: true, baseUrl: 'http://prices.example.net' },
        },
      },
    },
  };
  return { service, current, hostile };
}

describe('a backup that silences alerts', () => {
  it('lists every settings change it brings, marking those that silence alerts', async () => {
    const { service, hostile } = await hostileCopy();
    const preview = (await service.call('backup.preview', hostile)) as {
      settingsChanges: { setting: string; silencesAlerts: boolean; sentence: string }[];
    };
    const silencing = preview.settingsChanges.filter((c) => c.silencesAlerts);
    expect(silencing.map((c) => c.setting).sort()).toEqual([
      'manualPrices.BTC',
      'mutes.all',
      'notifications.desktop',
      'sources.binance.baseUrl',
      'thresholds.positionCriticalPct',
    ]);
    expect(silencing.map((c) => c.sentence)).toContain('Mutes every alert with no end.');
    expect(silencing.map((c) => c.sentence).join(' ')).toContain(
      'Pins the BTC price at $150,000.00 by hand',
    );
  });

  it('counts a notification channel it removes, turns off or makes hear less as silencing', async () => {
    const service = await start();
    const channel = (id: string, name: string) => ({
      id,
      name,
      kind: 'webhook' as const,
      enabled: true,
      minSeverity: 'warning' as const,
      url: 'http://127.0.0.1:9/hook',
      secret: 'shared-signing-secret-0123456789',
    });
    await service.call('settings.update', {
      notifications: {
        channels: [
          channel('ch-phone', 'Phone'),
          channel('ch-ops', 'Ops'),
          channel('ch-desk', 'Desk'),
        ],
      },
    });
    const current = (await service.call('backup.export', {})) as BackupDocument;
    const channels = current.database.settings.notifications.channels;
    const incoming: BackupDocument = {
      ...current,
      database: {
        ...current.database,
        settings: {
          ...current.database.settings,
          notifications: {
            ...current.database.settings.notifications,
            // Phone removed, Ops turned off, Desk only for critical alerts.
            channels: channels
              .filter((c) => c.id !== 'ch-phone')
              .map((c) =>
                c.id === 'ch-ops'
                  ? { ...c, enabled: false }
                  : { ...c, minSeverity: 'critical' as const },
              ),
          },
        },
      },
    };
    const preview = (await service.call('backup.preview', incoming)) as {
      settingsChanges: { setting: string; silencesAlerts: boolean; sentence: string }[];
    };
    const silencing = preview.settingsChanges.filter((c) => c.silencesAlerts);
    expect(silencing.map((c) => c.sentence)).toEqual([
      'Removes the Phone (webhook) notification channel: alerts would no longer reach you there.',
      'Turns the Ops (webhook) notification channel off: alerts would no longer reach you there.',
      'The Desk (webhook) channel would receive only critical alerts and above, not warning.',
    ]);
    await expect(service.call('backup.import', incoming)).rejects.toMatchObject({
      code: 'conflict',
    });
    await service.close();
  });

  it('also lists what it lifts and the chain figures it sets by hand, none of them silencing', async () => {
    const { service, current } = await hostileCopy();
    await service.call('alerts.mute', { subjectId: 'all' });
    await service.call('prices.setManual', { asset: 'BTC', usd: '70000' });
    const incoming: BackupDocument = {
      ...current,
      database: {
        ...current.database,
        settings: { ...current.database.settings, offline: true, staleAfterSec: 3600 },
        manualNetwork: {
          BTC: { difficulty: '111758708953857.42', at: '2026-11-24T11:00:00.000Z' },
        },
      },
    };
    const preview = (await service.call('backup.preview', incoming)) as {
      settingsChanges: { setting: string; silencesAlerts: boolean; sentence: string }[];
    };
    expect(preview.settingsChanges.map((c) => [c.setting, c.silencesAlerts, c.sentence])).toEqual([
      [
        'staleAfterSec',
        true,
        'Trusts prices for 3600 s instead of 300 s before calling them stale.',
      ],
      [
        'offline',
        true,
        'Turns offline mode on: no price is fetched, so prices go stale and liquidation alerts pause.',
      ],
      ['mutes.all', false, 'Lifts the mute on every alert.'],
      [
        'manualPrices.BTC',
        false,
        'Drops the BTC price set by hand: live prices would be used again.',
      ],
      [
        'manualNetwork.BTC',
        false,
        'Sets the BTC network difficulty by hand to 111758708953857.42: revenue would be figured on it.',
      ],
    ]);
  });

  it('is refused without confirmation, naming what it would silence, and changes nothing', async () => {
    const { service, current, hostile } = await hostileCopy();
    await expect(service.call('backup.import', hostile)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        /^This backup would silence alerts: .*Mutes every alert with no end\..*confirmSilencing: true/,
      ),
    });
    expect(((await service.call('backup.export', {})) as BackupDocument).database).toEqual(
      current.database,
    );
  });

  it('is imported once the operator confirms', async () => {
    const { service, hostile } = await hostileCopy();
    await service.call('backup.import', { ...hostile, confirmSilencing: true });
    const settings = (await service.call('settings.get', {})) as {
      notifications: { desktop: boolean };
    };
    expect(settings.notifications.desktop).toBe(false);
  });
});

describe('a backup carrying a prototype-polluting key', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'is refused whole when it holds "%s", with a sentence naming where',
    async (key) => {
      const { service, current } = await hostileCopy();
      // As JSON.parse reads a file: the key is an ordinary own property.
      const text = JSON.stringify(current).replace(
        '"settings":{',
        `"settings":{"${key}":{"isAdmin":true},`,
      );
      const document: unknown = JSON.parse(text);
      await expect(service.call('backup.import', document)).rejects.toMatchObject({
        code: 'invalid_params',
        message: `The backup.import request was refused whole: it holds a field named "${key}" (at database.settings.${key}), which RigLedger never uses and refuses for safety. Remove that field and send it again; nothing was changed.`,
      });
      await expect(service.call('backup.preview', document)).rejects.toMatchObject({
        code: 'invalid_params',
      });
      expect(((await service.call('backup.export', {})) as BackupDocument).database).toEqual(
        current.database,
      );
    },
  );

  it('is refused in any call’s params, at any depth', async () => {
    const service = await start();
    const params: unknown = JSON.parse(
      '{"name":"S21","coin":"BTC","hashrate":"1","hashrateUnit":"TH/s","powerWatts":"1","quantity":1,"endpoint":{"host":"10.0.0.1","__proto__":{"x":1}}}',
    );
    await expect(service.call('rigs.create', params)).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('(at endpoint.__proto__)'),
    });
    expect(await service.call('rigs.list', {})).toEqual([]);
  });
});

describe('alerts.mute', () => {
  it('mutes an existing subject, or everything with "all" (or "*")', async () => {
    const { service } = await hostileCopy();
    const [rig] = (await service.call('rigs.list', {})) as { id: string }[];
    await service.call('alerts.mute', { subjectId: rig!.id });
    await service.call('alerts.mute', { subjectId: 'BTC' });
    await service.call('alerts.mute', { subjectId: 'farm' });
    await service.call('alerts.mute', { subjectId: '*', until: '2026-11-24T13:00:00Z' });
    const { database } = (await service.call('backup.export', {})) as BackupDocument;
    expect(database.mutes.map((m) => m.subjectId)).toEqual([rig!.id, 'BTC', 'farm', 'all']);
  });

  it('refuses a subject RigLedger does not watch, and an over-long one', async () => {
    const service = await start();
    await expect(service.call('alerts.mute', { subjectId: 'rig-nope' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('or "all" to mute every alert'),
    });
    await expect(
      service.call('alerts.mute', { subjectId: 'x'.repeat(500_000) }),
    ).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('subjectId: A subjectId is at most 64 characters'),
    });
    const { database } = (await service.call('backup.export', {})) as BackupDocument;
    expect(database.mutes).toEqual([]);
  });
});

describe('a backup that turns the odds alert off', () => {
  it('says so and counts as silencing', async () => {
    const service = await start();
    await service.call('settings.update', { risk: { oddsAlert: true } });
    const current = (await service.call('backup.export', {})) as BackupDocument;
    const { settings } = current.database;
    const quiet: BackupDocument = {
      ...current,
      database: {
        ...current.database,
        settings: { ...settings, risk: { ...settings.risk, oddsAlert: false, oddsAlertPct: '40' } },
      },
    };
    const preview = (await service.call('backup.preview', quiet)) as {
      settingsChanges: { setting: string; silencesAlerts: boolean; sentence: string }[];
    };
    const sentences = preview.settingsChanges
      .filter((c) => c.silencesAlerts)
      .map((c) => c.sentence)
      .sort();
    expect(sentences).toEqual([
      'Raises the odds alert threshold from 10 % to 40 %: that alert would fire later.',
      'Turns the odds alert off: rising odds of a margin call or liquidation would no longer warn you.',
    ]);
  });
});
