import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ChannelInput } from '#api/notification-channel';
import { samplePosition } from '#core/test-fixtures/sample-records';
import type { ScheduleTimer } from '#feeds/timers';
import { PRICE_SOURCES } from '#feeds/sources/registry';
import { startFakeNotifyServer, type FakeNotifyServer } from '#fixtures/fake-notify-server';
import { startFakePriceServer } from '#fixtures/fake-price-server';
import { emptyDatabase } from '#store/schema';
import { openFarmService } from '../../farm-service';
import { checkingResults } from '../../test-service';
import type { FarmService } from '../../types';

// A farm online with its price sources on a local fake server, three BTC longs whose
// distance to liquidation a manual price moves (A: liquidation 54,221.11; B: 56,231.16;
// C: 53,718.59), a fake clock, the notifier's timer fired by hand, and a fake ntfy /
// Pushover / Telegram / webhook server on 127.0.0.1.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export const START = '2026-11-24T12:00:00.000Z';
export const MINUTE = 60_000;

export interface NotifyFarm {
  service: FarmService;
  receivers: FakeNotifyServer;
  dataDir: string;
  logged: string[];
  /** Moves the fake clock on, then runs what the notifier's timer would. */
  advance(ms: number): Promise<void>;
  now(): Date;
  setBtc(usd: string): Promise<void>;
  channels(inputs: ChannelInput[]): Promise<{ id: string }[]>;
}

export async function openNotifyFarm(
  options: { positions?: ('A' | 'B' | 'C')[]; start?: string; dataDir?: string } = {},
): Promise<NotifyFarm> {
  const receivers = await startFakeNotifyServer();
  cleanups.push(() => receivers.close());
  const prices = await startFakePriceServer();
  cleanups.push(() => prices.close());
  prices.setPrice('BTC', '65000');
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'rigledger-notify-')));
  if (options.dataDir === undefined) {
    const db = emptyDatabase();
    for (const { name } of PRICE_SOURCES) {
      db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
    }
    const wallets = { A: '6000', B: '4000', C: '6500' };
    for (const key of options.positions ?? ['A']) {
      db.positions.push(
        samplePosition({
          id: `pos-${key}`,
          symbol: `BTCUSDT`,
          account: key,
          walletBalance: wallets[key],
        }),
      );
    }
    await writeFile(join(dataDir, 'rigledger.json'), JSON.stringify(db));
  }
  let now = new Date(options.start ?? START);
  let pending: (() => void) | null = null;
  const timer: ScheduleTimer = (callback) => {
    pending = callback;
    return () => {
      if (pending === callback) pending = null;
    };
  };
  const logged: string[] = [];
  const service = checkingResults(
    await openFarmService({
      dataDir,
      now: () => now,
      log: (line) => logged.push(line),
      notificationTimer: timer,
    }),
  );
  cleanups.push(() => service.close());
  return {
    service,
    receivers,
    dataDir,
    logged,
    now: () => now,
    async advance(ms) {
      // What is queued first, so the timer is armed for the state before the clock moves.
      await service.call('notifications.status', {});
      now = new Date(now.getTime() + ms);
      const fire = pending;
      pending = null;
      fire?.();
      // What the timer started is queued behind this call's own review.
      await service.call('notifications.status', {});
    },
    async setBtc(usd) {
      await service.call('prices.setManual', { asset: 'BTC', usd, confirm: true });
    },
    async channels(inputs) {
      const settings = (await service.call('settings.update', {
        notifications: { channels: inputs },
      })) as { notifications: { channels: { id: string }[] } };
      return settings.notifications.channels;
    },
  };
}
