import { randomUUID } from 'node:crypto';
import { RpcError } from '#api/errors';
import type { Channel, ChannelStatus } from '#api/notification-channel';
import type { Alert } from '#api/records';
import { isMuted, type AlertEvent } from '#core/alert-reconcile';
import type { AlertCondition } from '#core/alert-rules';
import { channelTakes } from '#core/notification-routing';
import { CHANNEL_KIND_LABELS, sendOn } from '#feeds/notify/registry';
import { scrub } from '#feeds/notify/channel-kind';
import { type ScheduleTimer, scheduleWithUnref } from '#feeds/timers';
import type { Outbox, OutboxMessage } from '#store/outbox';
import type { SecretBook } from '#store/secrets';
import { describeError } from '#shared/describe-error';
import type { ServiceContext } from '../context';
import { currentSnapshot } from '../snapshot';
import { composeMessage } from './compose';
import { deliverChannel } from './delivery';
import { pendingEscalations } from './escalation';
import { createReceiptPoller } from './receipts';

// The off-desk notifier (docs/notifications.md): queues a message per channel for each
// alert worth telling, repeats unacknowledged critical alerts, drops what an
// acknowledgement made pointless, delivers through the outbox, and raises
// `notification.failed` for a channel that has failed for 15 minutes.

/** How long a channel may fail before it raises notification.failed. */
export const CHANNEL_FAILING_MS = 15 * 60_000;
/** The notifier looks again at least this often (retries, quiet hours, digests, receipts). */
export const REVIEW_EVERY_MS = 30_000;

export interface NotifierDeps {
  ctx: ServiceContext;
  outbox: Outbox;
  secrets: SecretBook;
  fetch: typeof fetch;
  schedule?: ScheduleTimer;
  acknowledge(alertId: string): Promise<unknown>;
}

export interface Notifier {
  onAlertEvent(event: AlertEvent): void;
  /** Escalates, cancels, polls receipts and starts deliveries; resolves when they are queued. */
  review(): Promise<void>;
  test(channelId: string): Promise<{ delivered: boolean; error?: string }>;
  /** Answers once alerts already raised are queued. */
  status(): Promise<ChannelStatus[]>;
  failedConditions(): AlertCondition[];
  /** Resolves when no delivery is running. */
  idle(): Promise<void>;
  close(): void;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  const { ctx, outbox, secrets } = deps;
  const schedule = deps.schedule ?? scheduleWithUnref;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let cancelTimer: (() => void) | null = null;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  const settings = () => ctx.store.data.settings.notifications;
  const offline = () => ctx.offline || ctx.store.data.settings.offline;
  const channels = () => settings().channels;
  const sendCtx = { fetch: deps.fetch, now: () => ctx.now() };
  const pollReceipts = createReceiptPoller({
    ctx,
    outbox,
    secrets,
    sendCtx,
    acknowledge: deps.acknowledge,
  });
  const logError = (what: string) => (error: unknown) =>
    ctx.log(`${what}: ${describeError(error, { withStack: true })}`);

  function known(id: string): boolean {
    return (
      outbox.data.messages.some((m) => m.id === id) || outbox.data.sent.some((s) => s.id === id)
    );
  }

  async function enqueue(messages: OutboxMessage[]): Promise<void> {
    const fresh = messages.filter((m) => !known(m.id));
    if (fresh.length === 0) return;
    await outbox.update((draft) => {
      const taken = new Set([...draft.messages, ...draft.sent].map((m) => m.id));
      draft.messages.push(...fresh.filter((m) => !taken.has(m.id)));
    });
  }

  function messagesFor(alert: Alert, at: Date): OutboxMessage[] {
    const takers = channels().filter((c) => channelTakes(c, alert) && c.id !== alert.subjectId);
    // The Snapshot only when some channel takes the alert: most farms have no channel.
    if (takers.length === 0) return [];
    const snapshot = currentSnapshot(ctx);
    return takers.map((c) => composeMessage(alert, c, snapshot, at, null));
  }

  function kick(channel: Channel): void {
    if (closed || offline()) return;
    if (running.has(channel.id)) {
      again.add(channel.id);
      return;
    }
    const run = deliverChannel(channel, {
      outbox,
      now: () => ctx.now(),
      secretsOf: (id) => secrets.of(id),
      send: (c, s, m) => sendOn(c, s, m, sendCtx),
      link: settings().dashboardUrl === '' ? null : settings().dashboardUrl,
    })
      .catch(logError(`Notifications on channel ${channel.id} stopped`))
      .finally(() => {
        running.delete(channel.id);
        // A channel that works again clears its notification.failed at once.
        if (!closed && failedAlertsChanged()) void ctx.changed();
        if (again.delete(channel.id)) kick(channel);
      });
    running.set(channel.id, run);
  }

  function arm(): void {
    cancelTimer?.();
    if (closed) return;
    const now = ctx.now().getTime();
    const next = Math.min(
      ...outbox.data.messages.map((m) => Date.parse(m.nextAttemptAt) - now),
      REVIEW_EVERY_MS,
    );
    cancelTimer = schedule(() => void notifier.review(), Math.max(next, 1000));
  }

  /** A channel started or stopped failing for 15 minutes: the alert engine must hear now. */
  function failedAlertsChanged(): boolean {
    const wanted = notifier
      .failedConditions()
      .map((c) => c.subjectId)
      .sort();
    const raised = ctx.store.data.alerts
      .filter((a) => a.rule === 'notification.failed' && a.resolvedAt === undefined)
      .map((a) => a.subjectId)
      .sort();
    return wanted.join() !== raised.join();
  }

  async function reviewOnce(): Promise<void> {
    if (closed) return;
    // Not awaited: the evaluation it starts runs a review of its own after this one.
    if (failedAlertsChanged()) void ctx.changed();
    // Nothing to send, nothing waiting: no bookkeeping, no writes.
    if (channels().length === 0 && outbox.data.messages.length === 0) {
      arm();
      return;
    }
    const now = ctx.now();
    const alerts = ctx.store.data.alerts;
    const active = new Map(alerts.filter((a) => a.resolvedAt === undefined).map((a) => [a.id, a]));
    // An acknowledged or cleared alert's queued messages are pointless now.
    const stale = outbox.data.messages.filter((m) => {
      if (m.alertId === null) return false;
      const alert = active.get(m.alertId);
      return alert === undefined ? m.repeat > 0 : alert.acknowledgedAt !== undefined;
    });
    const plan = pendingEscalations({
      alerts: [...active.values()].filter((a) => !isMuted(a.subjectId, ctx.store.data.mutes, now)),
      progress: outbox.data.alerts,
      escalation: settings().escalation,
      now,
    });
    const snapshot = plan.repeats.length > 0 ? currentSnapshot(ctx) : null;
    const repeats = offline()
      ? []
      : [
          ...plan.recent.flatMap((alert) => messagesFor(alert, now)),
          ...plan.repeats.flatMap(({ alert, facts }) =>
            channels()
              .filter((c) => channelTakes(c, alert) && c.id !== alert.subjectId)
              .map((c) => composeMessage(alert, c, snapshot!, now, facts)),
          ),
        ];
    if (stale.length > 0 || plan.changed || repeats.length > 0) {
      const staleIds = new Set(stale.map((m) => m.id));
      await outbox.update((draft) => {
        draft.messages = draft.messages.filter((m) => !staleIds.has(m.id));
        draft.alerts = plan.progress;
        const taken = new Set([...draft.messages, ...draft.sent].map((m) => m.id));
        draft.messages.push(...repeats.filter((m) => !taken.has(m.id)));
      });
    }
    if (!offline()) {
      await pollReceipts(active);
      for (const channel of channels()) if (channel.enabled) kick(channel);
    }
    arm();
  }

  const notifier: Notifier = {
    onAlertEvent(event) {
      if (offline() || !event.notify || event.change === 'cleared') return;
      const messages = messagesFor(event.alert, ctx.now());
      if (messages.length === 0) return;
      chain = chain
        .then(() => enqueue(messages))
        .then(() => reviewOnce())
        .catch(logError('An alert could not be queued for the notification channels'));
    },
    review() {
      chain = chain.then(reviewOnce).catch(logError('Notifications could not be reviewed'));
      return chain;
    },
    async test(channelId) {
      const channel = channels().find((c) => c.id === channelId);
      if (!channel)
        throw new RpcError('not_found', `No notification channel has the id "${channelId}".`);
      if (offline())
        return { delivered: false, error: 'RigLedger is in offline mode and sends nothing.' };
      const at = ctx.now();
      const own = secrets.of(channel.id);
      const outcome = await sendOn(
        channel,
        own,
        {
          id: `test-${randomUUID()}`,
          alertId: null,
          rule: 'test',
          severity: 'info',
          title: 'RigLedger test message',
          message: `This ${CHANNEL_KIND_LABELS[channel.kind]} channel works: alerts will arrive here.`,
          raisedAt: at.toISOString(),
          repeat: 0,
          link: settings().dashboardUrl === '' ? null : settings().dashboardUrl,
        },
        sendCtx,
      ).catch((error: unknown) => ({ ok: false as const, error: describeError(error) }));
      const error = outcome.ok ? null : scrub(outcome.error, own);
      await outbox.update((draft) => {
        const before = draft.channels[channel.id];
        draft.channels[channel.id] = {
          lastSuccessAt: error === null ? at.toISOString() : (before?.lastSuccessAt ?? null),
          lastError: error,
          failingSince: error === null ? null : (before?.failingSince ?? null),
          lastDigestAt: before?.lastDigestAt ?? null,
        };
      });
      return error === null ? { delivered: true } : { delivered: false, error };
    },
    async status() {
      await chain;
      return channels().map((c) => {
        const delivery = outbox.data.channels[c.id];
        return {
          channelId: c.id,
          kind: c.kind,
          enabled: c.enabled,
          lastSuccessAt: delivery?.lastSuccessAt ?? null,
          lastError: offline()
            ? 'Offline mode: RigLedger sends nothing.'
            : (delivery?.lastError ?? null),
          queued: outbox.data.messages.filter((m) => m.channelId === c.id).length,
          failingSince: delivery?.failingSince ?? null,
          offline: offline(),
        };
      });
    },
    failedConditions() {
      const now = ctx.now().getTime();
      return channels().flatMap((c): AlertCondition[] => {
        const delivery = outbox.data.channels[c.id];
        const since = delivery?.failingSince;
        if (!c.enabled || offline() || !since || now - Date.parse(since) < CHANNEL_FAILING_MS)
          return [];
        const name = c.name ? ` "${c.name}"` : '';
        return [
          {
            rule: 'notification.failed',
            subjectKind: 'farm',
            subjectId: c.id,
            level: 1,
            severity: 'warning',
            value: null,
            threshold: null,
            message: `The ${CHANNEL_KIND_LABELS[c.kind]} channel${name} has failed every attempt since ${since}: ${delivery.lastError ?? 'no answer'} Alerts may not reach you there; check it under Settings → Notifications.`,
          },
        ];
      });
    },
    async idle() {
      await chain;
      while (running.size > 0) await Promise.all(running.values());
    },
    close() {
      closed = true;
      cancelTimer?.();
    },
  };
  return notifier;
}
