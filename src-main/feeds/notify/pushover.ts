import { z } from 'zod';
import { bodyText, defineChannelKind, request, statusOutcome, trimBase } from './channel-kind';

// Pushover (https://pushover.net/api): critical alerts go at emergency priority 2, which
// breaks through Do Not Disturb and repeats every `retry` seconds until the person
// acknowledges it or `expire` passes; the reply's receipt is polled
// (https://pushover.net/api/receipts) so an acknowledgement on the phone acknowledges the
// alert in RigLedger too.

export const PUSHOVER_URL = 'https://api.pushover.net';
/** Emergency repeats on the phone every minute for up to three hours. */
const EMERGENCY_RETRY_SEC = 60;
const EMERGENCY_EXPIRE_SEC = 10_800;
const PRIORITY = { critical: 2, warning: 1, info: 0 } as const;

const messageReply = z.object({ status: z.number(), receipt: z.string().max(100).optional() });
const receiptReply = z.object({ status: z.number(), acknowledged: z.number() });

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export const pushoverChannel = defineChannelKind({
  kind: 'pushover',
  label: 'Pushover',
  async send(channel, secrets, message, ctx) {
    const label = 'Pushover';
    if (!secrets.appToken || !secrets.userKey)
      return {
        ok: false,
        error: 'Pushover needs its user key and app token; enter them under Settings.',
      };
    const priority = PRIORITY[message.severity];
    const reply = await request(
      label,
      `${trimBase(channel.baseUrl ?? PUSHOVER_URL)}/1/messages.json`,
      {
        method: 'POST',
        headers: FORM,
        body: form({
          token: secrets.appToken,
          user: secrets.userKey,
          title: message.title,
          message: bodyText(message),
          priority: String(priority),
          ...(priority === 2
            ? { retry: String(EMERGENCY_RETRY_SEC), expire: String(EMERGENCY_EXPIRE_SEC) }
            : {}),
          ...(message.link === null ? {} : { url: message.link }),
        }),
      },
      ctx,
    );
    if ('error' in reply) return { ok: false, error: reply.error };
    if (reply.status < 200 || reply.status >= 300) return statusOutcome(label, reply);
    const parsed = messageReply.safeParse(JSON.parse(reply.text || 'null'));
    if (!parsed.success || parsed.data.status !== 1)
      return { ok: false, error: 'Pushover did not accept the message.' };
    return parsed.data.receipt === undefined
      ? { ok: true }
      : { ok: true, receipt: parsed.data.receipt };
  },
  async receiptAcknowledged(channel, secrets, receipt, ctx) {
    const base = trimBase(channel.baseUrl ?? PUSHOVER_URL);
    const reply = await request(
      'Pushover receipts',
      `${base}/1/receipts/${encodeURIComponent(receipt)}.json?token=${encodeURIComponent(secrets.appToken ?? '')}`,
      { method: 'GET' },
      ctx,
    );
    if ('error' in reply) return reply;
    if (reply.status !== 200) return { error: `Pushover receipts answered HTTP ${reply.status}.` };
    try {
      const parsed = receiptReply.safeParse(JSON.parse(reply.text));
      return parsed.success
        ? parsed.data.acknowledged === 1
        : { error: 'Pushover sent an unreadable receipt.' };
    } catch {
      return { error: 'Pushover sent an unreadable receipt.' };
    }
  },
  async cancelReceipt(channel, secrets, receipt, ctx) {
    const base = trimBase(channel.baseUrl ?? PUSHOVER_URL);
    await request(
      'Pushover receipts',
      `${base}/1/receipts/${encodeURIComponent(receipt)}/cancel.json`,
      { method: 'POST', headers: FORM, body: form({ token: secrets.appToken ?? '' }) },
      ctx,
    );
  },
});
