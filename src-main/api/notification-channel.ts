import { z } from 'zod';
import { SEVERITIES } from '#shared/severity';
import { ALERT_RULES } from './alert';
import { isoDateTime, recordId, shortText } from './fields';

// Off-desk notification channels (docs/notifications.md): where an alert goes when the
// operator is away from the dashboard. Secrets (tokens, passwords, keys) are write-only:
// settings.get never returns them, only their names in `secretsSet`; leaving a secret out
// of settings.update keeps the stored one.

export const CHANNEL_KINDS = ['ntfy', 'pushover', 'telegram', 'email', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** The fields of each kind that are secrets: stored apart, never returned, never exported unasked. */
export const CHANNEL_SECRET_FIELDS = {
  ntfy: ['token'],
  pushover: ['userKey', 'appToken'],
  telegram: ['botToken'],
  email: ['password'],
  webhook: ['secret'],
} as const satisfies Record<ChannelKind, readonly string[]>;
export type ChannelSecretField = (typeof CHANNEL_SECRET_FIELDS)[ChannelKind][number];

/** The secrets a kind cannot work without; the others (an ntfy token, an SMTP password) are optional. */
export const REQUIRED_CHANNEL_SECRETS: Record<ChannelKind, readonly ChannelSecretField[]> = {
  ntfy: [],
  pushover: ['userKey', 'appToken'],
  telegram: ['botToken'],
  email: [],
  webhook: ['secret'],
};

/** Rules a channel can be limited to: every alert rule, and a channel that keeps failing. */
export const NOTIFIABLE_RULES = [...ALERT_RULES] as const;

const httpUrl = z.url({ protocol: /^https?$/, error: 'Enter an http(s) address.' }).max(500);
const secret = (what: string) =>
  z
    .string({ error: `Enter the ${what} as text.` })
    .trim()
    .min(1, { error: `Enter the ${what}, or leave it out to keep the one saved.` })
    .max(500, { error: `That ${what} is too long; check it was pasted once.` });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const clockTime = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Enter a time as HH:MM, e.g. 22:00.' });

export const quietHoursSchema = z
  .object({
    from: clockTime,
    to: clockTime,
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, { error: 'Enter a time zone such as Europe/Berlin or UTC.' }),
  })
  .strict();
export type QuietHours = z.infer<typeof quietHoursSchema>;

const common = {
  /** How the operator knows the channel ("Phone", "Ops e-mail"). */
  name: shortText('name', 60).optional(),
  enabled: z.boolean(),
  /** The lowest severity this channel receives. */
  minSeverity: z.enum(SEVERITIES),
  /** Only these rules, when given. */
  rules: z.array(z.enum(NOTIFIABLE_RULES)).max(NOTIFIABLE_RULES.length).optional(),
  /** Info and warning alerts wait until the quiet hours end; critical ones break through. */
  quietHours: quietHoursSchema.optional(),
  /** Info and warning alerts are gathered into one message every this many minutes. */
  digestMinutes: z.number().int().min(1).max(1440).optional(),
  /** Hides dollar amounts and balances in the message (percents stay). */
  redactAmounts: z.boolean().optional(),
  /** Read only: which secrets are saved (settings.get); ignored by settings.update. */
  secretsSet: z.array(z.string().max(40)).max(5).optional(),
};

/** Each kind's fields, by kind: the forms build a channel from one of these. */
export function channelKindSchemas<Id extends z.ZodType>(id: Id) {
  const base = { id, ...common };
  return {
    ntfy: z
      .object({
        ...base,
        kind: z.literal('ntfy'),
        baseUrl: httpUrl,
        topic: z
          .string()
          .max(64)
          .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'A topic is letters, digits, - and _ only.' }),
        token: secret('access token').optional(),
      })
      .strict(),
    pushover: z
      .object({
        ...base,
        kind: z.literal('pushover'),
        baseUrl: httpUrl.optional(),
        userKey: secret('user key').optional(),
        appToken: secret('app token').optional(),
      })
      .strict(),
    telegram: z
      .object({
        ...base,
        kind: z.literal('telegram'),
        baseUrl: httpUrl.optional(),
        botToken: secret('bot token').optional(),
        chatId: z
          .string()
          .max(65)
          .regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{4,64})$/, {
            error: 'Enter the chat id (digits, maybe with a leading -) or @channelname.',
          }),
      })
      .strict(),
    email: z
      .object({
        ...base,
        kind: z.literal('email'),
        host: z
          .string()
          .max(253)
          .regex(/^[A-Za-z0-9.-]{1,253}$/, {
            error: 'Enter the mail server name, e.g. smtp.example.com.',
          }),
        port: z.number().int().min(1).max(65_535),
        /** True: TLS from the first byte (port 465); false: STARTTLS when offered. */
        secure: z.boolean(),
        user: shortText('user name', 200).optional(),
        password: secret('password').optional(),
        from: z.email({ error: 'Enter the sender address, e.g. rigledger@example.com.' }).max(254),
        to: z.email({ error: 'Enter the address the alerts go to.' }).max(254),
      })
      .strict(),
    webhook: z
      .object({
        ...base,
        kind: z.literal('webhook'),
        url: httpUrl,
        secret: secret('signing secret').optional(),
      })
      .strict(),
  };
}

function kinds<Id extends z.ZodType>(id: Id) {
  const k = channelKindSchemas(id);
  return z.discriminatedUnion('kind', [k.ntfy, k.pushover, k.telegram, k.email, k.webhook], {
    error: `A channel's kind is one of: ${CHANNEL_KINDS.join(', ')}.`,
  });
}

/** A channel as settings.update takes it: without an id it is a new channel and gets one. */
export const channelInputSchema = kinds(recordId.optional());
export type ChannelInput = z.infer<typeof channelInputSchema>;

/** A channel as stored and as settings.get returns it: secrets left out, named in secretsSet. */
export const channelSchema = kinds(recordId);
export type Channel = z.infer<typeof channelSchema>;

export const escalationSchema = z
  .object({
    /** A critical alert not acknowledged this long is sent again. */
    afterMinutes: z.number().int().min(1).max(1440),
    /** At most this many repeats per alert. */
    maxRepeats: z.number().int().min(0).max(100),
  })
  .strict();

export const DEFAULT_ESCALATION = { afterMinutes: 10, maxRepeats: 6 };

export const channelStatusSchema = z.object({
  channelId: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  enabled: z.boolean(),
  lastSuccessAt: isoDateTime.nullable(),
  lastError: z.string().nullable(),
  /** Messages waiting to be sent (retries, quiet hours, digests). */
  queued: z.number().int(),
  /** Since when every attempt has failed; null while the channel works. */
  failingSince: isoDateTime.nullable(),
  /** True when RigLedger is offline and sends nothing. */
  offline: z.boolean(),
});
export type ChannelStatus = z.infer<typeof channelStatusSchema>;

export const notificationTestResultSchema = z.object({
  delivered: z.boolean(),
  error: z.string().optional(),
});
