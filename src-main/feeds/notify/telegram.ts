import { z } from 'zod';
import { bodyText, defineChannelKind, request, statusOutcome, trimBase } from './channel-kind';

// Telegram Bot API (https://core.telegram.org/bots/api#sendmessage): plain text, so no
// figure is ever read as markup; a 429 carries `parameters.retry_after`.

export const TELEGRAM_URL = 'https://api.telegram.org';

const errorReply = z.object({
  ok: z.literal(false),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().int().optional() }).optional(),
});

export const telegramChannel = defineChannelKind({
  kind: 'telegram',
  label: 'Telegram',
  async send(channel, secrets, message, ctx) {
    const label = 'Telegram';
    if (!secrets.botToken)
      return { ok: false, error: 'Telegram needs the bot token; enter it under Settings.' };
    const reply = await request(
      label,
      `${trimBase(channel.baseUrl ?? TELEGRAM_URL)}/bot${secrets.botToken}/sendMessage`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          chat_id: channel.chatId,
          text: `${message.title}\n${bodyText(message)}`,
          disable_web_page_preview: true,
        }),
      },
      ctx,
    );
    if ('error' in reply) return { ok: false, error: reply.error };
    if (reply.status >= 200 && reply.status < 300) return { ok: true };
    let retryAfterSec = reply.retryAfterSec;
    try {
      const parsed = errorReply.safeParse(JSON.parse(reply.text));
      if (parsed.success) retryAfterSec ??= parsed.data.parameters?.retry_after;
    } catch {
      // Not JSON: the status says enough.
    }
    return statusOutcome(label, {
      ...reply,
      ...(retryAfterSec === undefined ? {} : { retryAfterSec }),
    });
  },
});
