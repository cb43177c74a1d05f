import type { Alert } from '#api/records';
import type { Channel } from '#api/notification-channel';
import type { Snapshot } from '#api/snapshot';
import { notificationTitle, priceLine, redactAmounts, repeatLine } from '#core/notification-text';
import type { OutboxMessage } from '#store/outbox';

// Turns an alert into the outbox message one channel will send (docs/notifications.md
// "Messages"). The id says which alert, at which level, which repeat and which channel,
// so the same message is never queued twice and a receiver can tell a re-send.

export function messageId(alert: Alert, repeat: number, channelId: string): string {
  return `${alert.id}~L${alert.level}~r${repeat}~${channelId}`;
}

export interface RepeatFacts {
  repeat: number;
  since: string;
  valueAtRaise: string | null;
}

export function composeMessage(
  alert: Alert,
  channel: Channel,
  snapshot: Snapshot,
  at: Date,
  repeat: RepeatFacts | null,
): OutboxMessage {
  const baseTitle = notificationTitle(alert, snapshot);
  const price = priceLine(alert, snapshot, at);
  const lines = [
    ...(repeat === null ? [] : [repeatLine(alert, repeat.since, repeat.valueAtRaise, at)]),
    alert.message,
    ...(price === null ? [] : [price]),
  ];
  const redact = channel.redactAmounts === true ? redactAmounts : (text: string) => text;
  const n = repeat?.repeat ?? 0;
  return {
    id: messageId(alert, n, channel.id),
    channelId: channel.id,
    alertId: alert.id,
    rule: alert.rule,
    severity: alert.severity,
    title: redact(n === 0 ? baseTitle : `Still open (${n}): ${baseTitle}`).slice(0, 300),
    message: redact(lines.join('\n')).slice(0, 8000),
    raisedAt: alert.raisedAt,
    repeat: n,
    createdAt: at.toISOString(),
    holdable: alert.severity !== 'critical',
    attempts: 0,
    nextAttemptAt: at.toISOString(),
  };
}
