import { randomUUID } from 'node:crypto';
import { RpcError } from '#api/errors';
import {
  CHANNEL_SECRET_FIELDS,
  REQUIRED_CHANNEL_SECRETS,
  type Channel,
  type ChannelInput,
} from '#api/notification-channel';
import type { ChannelSecrets } from '#store/secrets';

// Channels in settings.update and settings.get (docs/notifications.md "Secrets"): secrets
// are split off into the secret book before anything is stored, a secret left out keeps
// the saved one, and settings.get names the saved secrets in `secretsSet` instead of
// returning them.

const KIND_WORDS: Record<Channel['kind'], string> = {
  ntfy: 'ntfy',
  pushover: 'Pushover',
  telegram: 'Telegram',
  email: 'e-mail',
  webhook: 'webhook',
};

const SECRET_WORDS: Record<string, string> = {
  token: 'access token',
  userKey: 'user key',
  appToken: 'app token',
  botToken: 'bot token',
  password: 'password',
  secret: 'signing secret',
};

function secretFieldsOf(kind: Channel['kind']): readonly string[] {
  return CHANNEL_SECRET_FIELDS[kind];
}

/** The channel without its secrets or secretsSet: what rigledger.json holds. */
export function withoutSecrets<C extends ChannelInput>(channel: C): C {
  const copy: Record<string, unknown> = { ...channel };
  for (const field of secretFieldsOf(channel.kind)) delete copy[field];
  delete copy.secretsSet;
  return copy as C;
}

/** The channel as settings.get shows it: the names of its saved secrets, never their values. */
export function publicChannel(channel: Channel, secrets: ChannelSecrets): Channel {
  const saved = Object.keys(secrets[channel.id] ?? {}).filter((field) =>
    secretFieldsOf(channel.kind).includes(field),
  );
  return { ...withoutSecrets(channel), secretsSet: saved };
}

export interface ResolvedChannels {
  channels: Channel[];
  secrets: ChannelSecrets;
}

/**
 * The channel list after settings.update: `inputs` replaces the list; a channel without an
 * id gets one; a secret given replaces the saved one, a secret left out keeps it (when the
 * channel keeps its id and kind); removed channels lose their secrets. Throws
 * invalid_params when a channel lacks a secret it cannot work without.
 */
export function resolveChannels(
  inputs: readonly ChannelInput[],
  stored: readonly Channel[],
  saved: ChannelSecrets,
): ResolvedChannels {
  const channels: Channel[] = [];
  const secrets: ChannelSecrets = {};
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const id = input.id ?? `ch-${randomUUID().slice(0, 8)}`;
    if (seen.has(id)) {
      issues.push({
        path: `notifications.channels.${index}.id`,
        message: 'Two channels have this id.',
      });
      return;
    }
    seen.add(id);
    const before = stored.find((c) => c.id === id);
    const kept = before?.kind === input.kind ? (saved[id] ?? {}) : {};
    const given: Record<string, unknown> = { ...input };
    const mine: Record<string, string> = {};
    for (const field of secretFieldsOf(input.kind)) {
      const value = given[field];
      if (typeof value === 'string') mine[field] = value;
      else if (kept[field] !== undefined) mine[field] = kept[field];
    }
    for (const field of REQUIRED_CHANNEL_SECRETS[input.kind]) {
      if (mine[field] === undefined) {
        issues.push({
          path: `notifications.channels.${index}.${field}`,
          message: `The ${KIND_WORDS[input.kind]} channel needs its ${SECRET_WORDS[field] ?? field}.`,
        });
      }
    }
    channels.push({ ...withoutSecrets(input), id });
    if (Object.keys(mine).length > 0) secrets[id] = mine;
  });
  if (issues.length > 0) {
    throw new RpcError(
      'invalid_params',
      `The notification channels were not saved: ${issues[0]!.message}`,
      { issues },
    );
  }
  return { channels, secrets };
}
