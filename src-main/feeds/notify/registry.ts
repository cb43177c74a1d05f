import type { Channel, ChannelKind } from '#api/notification-channel';
import type { OutgoingMessage, SendContext, SendOutcome } from './channel-kind';
import { emailChannel } from './email';
import { ntfyChannel } from './ntfy';
import { pushoverChannel } from './pushover';
import { telegramChannel } from './telegram';
import { webhookChannel } from './webhook';

// Every channel kind RigLedger can send through, by its contract name.

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  ntfy: ntfyChannel.label,
  pushover: pushoverChannel.label,
  telegram: telegramChannel.label,
  email: emailChannel.label,
  webhook: webhookChannel.label,
};

/** Sends one message on a channel of any kind. */
export function sendOn(
  channel: Channel,
  secrets: Record<string, string>,
  message: OutgoingMessage,
  ctx: SendContext,
): Promise<SendOutcome> {
  switch (channel.kind) {
    case 'ntfy':
      return ntfyChannel.send(channel, secrets, message, ctx);
    case 'pushover':
      return pushoverChannel.send(channel, secrets, message, ctx);
    case 'telegram':
      return telegramChannel.send(channel, secrets, message, ctx);
    case 'email':
      return emailChannel.send(channel, secrets, message, ctx);
    case 'webhook':
      return webhookChannel.send(channel, secrets, message, ctx);
  }
}
