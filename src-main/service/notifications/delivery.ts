import type { Channel } from '#api/notification-channel';
import { holdableMayGo } from '#core/notification-routing';
import type { OutgoingMessage, SendOutcome } from '#feeds/notify/channel-kind';
import { scrub } from '#feeds/notify/channel-kind';
import type { Outbox, OutboxMessage } from '#store/outbox';

// Sends what is due on one channel, one message (or one digest) at a time
// (docs/notifications.md "Delivery"): take it (written durably), send it, record it as
// sent (written durably), and only then take the next. A crash before the sent record is
// on disk leaves the message taken, and it is sent again after the restart with the same
// id; a crash after it never sends it again. Failures wait with backoff, or as long as the
// service's Retry-After asks.

export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 5 * 60_000;

export interface DeliveryDeps {
  outbox: Outbox;
  now(): Date;
  secretsOf(channelId: string): Record<string, string>;
  send(
    channel: Channel,
    secrets: Record<string, string>,
    message: OutgoingMessage,
  ): Promise<SendOutcome>;
  /** The dashboard address for the message's link, or null. */
  link: string | null;
  /** Crash-test points: called after the take is on disk, and after the send returned. */
  hooks?: { afterTake?(ids: string[]): Promise<void>; afterSend?(ids: string[]): Promise<void> };
}

/** Wait before retry `attempts` (1 = after the first failure): 5 s, 10 s, 20 s … up to 5 min. */
export function retryDelayMs(attempts: number, retryAfterSec: number | undefined): number {
  const backoff = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return Math.max(backoff, (retryAfterSec ?? 0) * 1000);
}

function outgoing(message: OutboxMessage, link: string | null): OutgoingMessage {
  return {
    id: message.id,
    alertId: message.alertId,
    rule: message.rule,
    severity: message.severity,
    title: message.title,
    message: message.message,
    raisedAt: message.raisedAt,
    repeat: message.repeat,
    link,
  };
}

/** Several held messages as one: "3 alerts" and each title with its sentence. */
export function digestOf(batch: readonly OutboxMessage[], link: string | null): OutgoingMessage {
  const first = batch[0]!;
  if (batch.length === 1) return outgoing(first, link);
  const worst = batch.some((m) => m.severity === 'warning') ? 'warning' : 'info';
  return {
    id: `digest-${first.id}`,
    alertId: null,
    rule: 'digest',
    severity: worst,
    title: `RigLedger: ${batch.length} alerts`,
    message: batch.map((m) => `• ${m.title}: ${m.message}`).join('\n'),
    raisedAt: first.raisedAt,
    repeat: 0,
    link,
  };
}

/** The next batch due on the channel: the oldest urgent message, else the held ones when they may go. */
export function nextBatch(channel: Channel, outbox: Outbox, now: Date): OutboxMessage[] {
  const lastDigest = outbox.data.channels[channel.id]?.lastDigestAt ?? null;
  const waiting = outbox.data.messages.filter((m) => m.channelId === channel.id);
  const due = waiting.filter((m) => Date.parse(m.nextAttemptAt) <= now.getTime());
  const urgent = due.find((m) => !m.holdable);
  if (urgent) return [urgent];
  const held = waiting.filter((m) => m.holdable);
  if (held.length === 0 || due.length === 0) return [];
  const oldest = new Date(Math.min(...held.map((m) => Date.parse(m.createdAt))));
  if (!holdableMayGo(channel, now, oldest, lastDigest === null ? null : new Date(lastDigest)))
    return [];
  return channel.digestMinutes === undefined ? [due[0]!] : held;
}

/** Delivers due messages on one channel until none is due or one fails. */
export async function deliverChannel(channel: Channel, deps: DeliveryDeps): Promise<void> {
  const { outbox } = deps;
  for (;;) {
    const batch = nextBatch(channel, outbox, deps.now());
    if (batch.length === 0) return;
    const ids = batch.map((m) => m.id);
    const takenAt = deps.now().toISOString();
    await outbox.update((draft) => {
      for (const m of draft.messages) {
        if (ids.includes(m.id)) {
          m.takenAt = takenAt;
          m.attempts += 1;
        }
      }
    });
    await deps.hooks?.afterTake?.(ids);
    const secrets = deps.secretsOf(channel.id);
    let outcome: SendOutcome;
    try {
      outcome = await deps.send(channel, secrets, digestOf(batch, deps.link));
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    await deps.hooks?.afterSend?.(ids);
    const at = deps.now();
    if (outcome.ok) {
      const receipt = outcome.receipt;
      await outbox.update((draft) => {
        draft.messages = draft.messages.filter((m) => !ids.includes(m.id));
        for (const m of batch) {
          draft.sent.push({
            id: m.id,
            channelId: channel.id,
            alertId: m.alertId,
            at: at.toISOString(),
            ...(receipt === undefined ? {} : { receipt }),
          });
        }
        const before = draft.channels[channel.id];
        draft.channels[channel.id] = {
          lastSuccessAt: at.toISOString(),
          lastError: null,
          failingSince: null,
          lastDigestAt:
            batch.length > 1 || batch[0]!.holdable
              ? at.toISOString()
              : (before?.lastDigestAt ?? null),
        };
      });
      continue;
    }
    const error = scrub(outcome.error, secrets);
    const attempts = Math.max(...batch.map((m) => m.attempts)) + 1;
    const retryAt = new Date(at.getTime() + retryDelayMs(attempts, outcome.retryAfterSec));
    await outbox.update((draft) => {
      for (const m of draft.messages) {
        if (ids.includes(m.id)) {
          m.nextAttemptAt = retryAt.toISOString();
          m.lastError = error;
          delete m.takenAt;
        }
      }
      const before = draft.channels[channel.id];
      draft.channels[channel.id] = {
        lastSuccessAt: before?.lastSuccessAt ?? null,
        lastError: error,
        failingSince: before?.failingSince ?? at.toISOString(),
        lastDigestAt: before?.lastDigestAt ?? null,
      };
    });
    return;
  }
}
