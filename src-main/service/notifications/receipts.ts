import type { Alert } from '#api/records';
import { pushoverChannel } from '#feeds/notify/pushover';
import type { SendContext } from '#feeds/notify/channel-kind';
import type { Outbox } from '#store/outbox';
import type { SecretBook } from '#store/secrets';
import { describeError } from '#shared/describe-error';
import type { ServiceContext } from '../context';

// Pushover emergency receipts (https://pushover.net/api/receipts): an acknowledgement on
// the phone acknowledges the alert in RigLedger, which stops escalation everywhere; an
// alert acknowledged (or cleared) in RigLedger cancels the phone's repeating emergency.

/** Receipts are asked at most this often. */
export const RECEIPT_POLL_MS = 20_000;

export function createReceiptPoller(args: {
  ctx: ServiceContext;
  outbox: Outbox;
  secrets: SecretBook;
  sendCtx: SendContext;
  acknowledge(alertId: string): Promise<unknown>;
}) {
  const { ctx, outbox, secrets, sendCtx } = args;
  let lastPollAt = Number.NEGATIVE_INFINITY;

  return async function pollReceipts(active: ReadonlyMap<string, Alert>): Promise<void> {
    const now = ctx.now().getTime();
    const withReceipt = outbox.data.sent.filter((s) => s.receipt !== undefined);
    if (withReceipt.length === 0) return;
    const done = new Set<string>();
    const settle = withReceipt.filter((s) => {
      const alert = s.alertId === null ? undefined : active.get(s.alertId);
      return alert === undefined || alert.acknowledgedAt !== undefined;
    });
    const poll =
      now - lastPollAt >= RECEIPT_POLL_MS ? withReceipt.filter((s) => !settle.includes(s)) : [];
    if (poll.length > 0) lastPollAt = now;
    for (const record of [...settle, ...poll]) {
      const channel = ctx.store.data.settings.notifications.channels.find(
        (c) => c.id === record.channelId,
      );
      const receipt = record.receipt!;
      if (channel?.kind !== 'pushover') {
        done.add(receipt);
        continue;
      }
      const own = secrets.of(channel.id);
      try {
        if (settle.includes(record)) {
          await pushoverChannel.cancelReceipt!(channel, own, receipt, sendCtx);
          done.add(receipt);
          continue;
        }
        const acknowledged = await pushoverChannel.receiptAcknowledged!(
          channel,
          own,
          receipt,
          sendCtx,
        );
        if (acknowledged === true && record.alertId !== null) {
          ctx.log(`Alert ${record.alertId} was acknowledged on Pushover.`);
          await args.acknowledge(record.alertId);
          done.add(receipt);
        }
      } catch (error) {
        ctx.log(`A Pushover receipt could not be checked: ${describeError(error)}`);
      }
    }
    if (done.size === 0) return;
    await outbox.update((draft) => {
      for (const s of draft.sent)
        if (s.receipt !== undefined && done.has(s.receipt)) delete s.receipt;
    });
  };
}
