import type { RigLive } from '#api/snapshot';
import { FUNDING_SOURCES } from '#feeds/funding-sources';
import { PRICE_SOURCES } from '#feeds/sources/registry';
import { openStore } from '#store/database';
import { removeLeftoverTempFiles } from '#store/durable-file';
import { OUTBOX_FILE, SECRETS_FILE } from '#store/file-names';
import { openOutbox } from '#store/outbox';
import { openSecretBook } from '#store/secrets';
import { createNotifier } from './notifications/notifier';
import { createAlertEngine } from './alerts';
import type { ServiceContext } from './context';
import { seedDemoFarm } from './demo';
import { createDispatcher } from './dispatch';
import { createEventHub } from './events';
import { startFeeds } from './feeds';
import { createHandlers } from './handlers';
import { currentSnapshot } from './snapshot';
import type { FarmService, FarmServiceOptions } from './types';

// The one service both hosts run: owns the store, the feeds and the alert engine, and
// implements every contract method.

/** Alerts are re-evaluated this often even when nothing changes (staleness, silent rigs). */
export const ALERT_TICK_MS = 15_000;

export async function openFarmService(options: FarmServiceOptions): Promise<FarmService> {
  const log = options.log ?? ((line: string) => console.error(line));
  const now = options.now ?? (() => new Date());
  const store = await openStore({ dataDir: options.dataDir, now, log });
  const rigLive = new Map<string, RigLive>();
  await removeLeftoverTempFiles(options.dataDir, SECRETS_FILE);
  await removeLeftoverTempFiles(options.dataDir, OUTBOX_FILE);
  const secrets = await openSecretBook(options.dataDir, { sealer: options.secretSealer, log });
  const outbox = await openOutbox(options.dataDir, log);
  let revision = 0;

  const ctx: ServiceContext = {
    store,
    secrets,
    offline: options.offline ?? false,
    now,
    log,
    rigLive,
    priceSources: options.priceSources ?? PRICE_SOURCES,
    fundingSources: options.fundingSources ?? FUNDING_SOURCES,
    revision: () => revision,
    changed: () => {
      revision += 1;
      // The caller's answer does not wait for the evaluation: the next call does
      // (the dispatcher's barrier), so nobody reads a state whose alerts are not worked out.
      void alerts.evaluate().then(() => {
        hub.snapshotChanged();
        void notifier.review();
      });
      return Promise.resolve();
    },
  };
  const hub = createEventHub(() => currentSnapshot(ctx), log);
  const alerts = createAlertEngine(
    ctx,
    (event) => {
      hub.emit({ type: 'alert', ...event });
      notifier.onAlertEvent(event);
    },
    () => notifier.failedConditions(),
  );
  const notifier = createNotifier({
    ctx,
    outbox,
    secrets,
    fetch: options.notificationFetch ?? fetch,
    ...(options.notificationTimer ? { schedule: options.notificationTimer } : {}),
    acknowledge: (alertId) => alerts.acknowledge(alertId),
  });

  if (options.demo && store.data.rigs.length === 0 && store.data.loans.length === 0) {
    await seedDemoFarm(ctx);
  }
  await alerts.evaluate();
  void notifier.review();
  const feeds = startFeeds(ctx, alerts, { feedTimeoutMs: options.feedTimeoutMs });
  const tick = setInterval(() => void ctx.changed(), ALERT_TICK_MS);
  tick.unref();

  const call = createDispatcher(
    createHandlers(ctx, { alerts, notifier, feeds: feeds.scheduler, feedsSettled: feeds.settled }),
    log,
    () => alerts.settled(),
  );
  let closed: Promise<void> | null = null;

  return {
    dataDir: options.dataDir,
    call,
    onEvent: (listener) => hub.subscribe(listener),
    eventBaseline: () => hub.baseline(),
    flushEvents: async () => {
      await alerts.settled();
      hub.flush();
    },
    settled: () => alerts.settled(),
    close() {
      closed ??= (async () => {
        clearInterval(tick);
        await feeds.scheduler.stop();
        await feeds.settled();
        hub.close();
        await alerts.evaluate();
        notifier.close();
        await notifier.idle();
        await store.close();
      })();
      return closed;
    },
  };
}
