import { bodyText, defineChannelKind, request, statusOutcome, trimBase } from './channel-kind';

// ntfy (https://docs.ntfy.sh/publish/#publish-as-json): a JSON publish to the server's root
// with the topic inside; priority 5 (urgent) for critical, 4 for warning, 3 for info.

const PRIORITY = { critical: 5, warning: 4, info: 3 } as const;

export const ntfyChannel = defineChannelKind({
  kind: 'ntfy',
  label: 'ntfy',
  async send(channel, secrets, message, ctx) {
    const label = `The ntfy server ${new URL(channel.baseUrl).host}`;
    const token = secrets.token;
    const reply = await request(
      label,
      `${trimBase(channel.baseUrl)}/`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-rigledger-message-id': message.id,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({
          topic: channel.topic,
          title: message.title,
          message: bodyText(message),
          priority: PRIORITY[message.severity],
          tags: [message.severity === 'critical' ? 'rotating_light' : 'warning'],
          ...(message.link === null ? {} : { click: message.link }),
        }),
      },
      ctx,
    );
    if ('error' in reply) return { ok: false, error: reply.error };
    return reply.status >= 200 && reply.status < 300 ? { ok: true } : statusOutcome(label, reply);
  },
});
