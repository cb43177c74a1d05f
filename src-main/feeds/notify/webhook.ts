import { createHmac } from 'node:crypto';
import { defineChannelKind, request, statusOutcome } from './channel-kind';

// A generic webhook (docs/notifications.md "Webhook"): the message as JSON, signed with
// HMAC-SHA256 over the exact body bytes so the receiver can check it came from RigLedger.

export const SIGNATURE_HEADER = 'X-RigLedger-Signature';

/** `sha256=<hex>` of the raw body with the shared secret, as the receiver recomputes it. */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export const webhookChannel = defineChannelKind({
  kind: 'webhook',
  label: 'Webhook',
  async send(channel, secrets, message, ctx) {
    const label = `The webhook at ${new URL(channel.url).host}`;
    const secret = secrets.secret;
    if (!secret)
      return { ok: false, error: 'The webhook has no signing secret; enter one under Settings.' };
    const body = JSON.stringify({
      id: message.id,
      alertId: message.alertId,
      rule: message.rule,
      severity: message.severity,
      title: message.title,
      message: message.message,
      raisedAt: message.raisedAt,
      repeat: message.repeat,
      ...(message.link === null ? {} : { link: message.link }),
    });
    const reply = await request(
      label,
      channel.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: webhookSignature(body, secret),
          'X-RigLedger-Message-Id': message.id,
        },
        body,
      },
      ctx,
    );
    if ('error' in reply) return { ok: false, error: reply.error };
    return reply.status >= 200 && reply.status < 300 ? { ok: true } : statusOutcome(label, reply);
  },
});
