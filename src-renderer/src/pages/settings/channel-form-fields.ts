import { z } from 'zod';
import {
  channelKindSchemas,
  quietHoursSchema,
  type ChannelInput,
  type ChannelKind,
} from '#api/notification-channel';
import { SEVERITIES } from '#shared/severity';
import type { FieldSpec, FormValues } from '../../forms/field-spec';

// The add-channel form of each kind: the contract's own fields for that kind (so the form
// refuses what the service would), plus the routing fields every channel has. Booleans
// are picked from a list, quiet hours are three optional fields that go together.

export const KIND_LABELS: Record<ChannelKind, string> = {
  ntfy: 'ntfy',
  pushover: 'Pushover',
  telegram: 'Telegram',
  email: 'E-mail (SMTP)',
  webhook: 'Webhook',
};

const kindSchemas = channelKindSchemas(z.string().optional());
const OMIT = {
  kind: true,
  enabled: true,
  id: true,
  secretsSet: true,
  rules: true,
  quietHours: true,
  redactAmounts: true,
} as const;

const routingShape = {
  quietFrom: quietHoursSchema.shape.from.optional(),
  quietTo: quietHoursSchema.shape.to.optional(),
  quietZone: z.string().max(64).optional(),
  redact: z.enum(['no', 'yes']),
};

export function channelFormSchema(kind: ChannelKind) {
  const own: z.ZodObject = kindSchemas[kind];
  const withoutRouting = own.omit({ ...OMIT, ...(kind === 'email' ? { secure: true } : {}) });
  return withoutRouting
    .extend({ ...routingShape, ...(kind === 'email' ? { secure: z.enum(['true', 'false']) } : {}) })
    .superRefine((value: Record<string, unknown>, ctx) => {
      const quiet = [value.quietFrom, value.quietTo, value.quietZone].filter(
        (v) => v !== undefined,
      );
      if (quiet.length > 0 && quiet.length < 3)
        ctx.addIssue({
          code: 'custom',
          path: ['quietZone'],
          message: 'Give quiet hours a start, an end and a time zone, or none of them.',
        });
    });
}

const severityOptions = SEVERITIES.map((s) => ({
  value: s,
  label: s === 'info' ? 'info and up' : s === 'warning' ? 'warning and up' : 'critical only',
}));

const ROUTING: FieldSpec[] = [
  {
    name: 'name',
    label: 'Channel name',
    kind: 'text',
    optional: true,
    hint: 'How you know it, e.g. “Phone”.',
  },
  { name: 'minSeverity', label: 'Alerts it receives', kind: 'select', options: severityOptions },
  {
    name: 'digestMinutes',
    label: 'Digest every',
    kind: 'integer',
    optional: true,
    unit: 'min',
    hint: 'Gathers info and warnings; critical never waits.',
  },
  {
    name: 'quietFrom',
    label: 'Quiet from',
    kind: 'text',
    optional: true,
    hint: 'HH:MM; critical alerts break through.',
  },
  { name: 'quietTo', label: 'Quiet until', kind: 'text', optional: true, hint: 'HH:MM' },
  {
    name: 'quietZone',
    label: 'Time zone',
    kind: 'text',
    optional: true,
    hint: 'e.g. Europe/Berlin',
  },
  {
    name: 'redact',
    label: 'Hide amounts',
    kind: 'select',
    options: [
      { value: 'no', label: 'No' },
      { value: 'yes', label: 'Yes: percents only' },
    ],
  },
];

const KIND_FIELDS: Record<ChannelKind, FieldSpec[]> = {
  ntfy: [
    {
      name: 'baseUrl',
      label: 'ntfy server',
      kind: 'text',
      span: 3,
      hint: 'https://ntfy.sh or your own server.',
    },
    { name: 'topic', label: 'Topic', kind: 'text', span: 2 },
    { name: 'token', label: 'Access token', kind: 'secret', optional: true, hint: 'Optional.' },
  ],
  pushover: [
    { name: 'userKey', label: 'User key', kind: 'secret' },
    { name: 'appToken', label: 'App token', kind: 'secret' },
    {
      name: 'baseUrl',
      label: 'Pushover address',
      kind: 'text',
      optional: true,
      hint: 'Leave empty for api.pushover.net.',
    },
  ],
  telegram: [
    { name: 'botToken', label: 'Bot token', kind: 'secret', span: 3 },
    { name: 'chatId', label: 'Chat id', kind: 'text' },
    {
      name: 'baseUrl',
      label: 'Bot API address',
      kind: 'text',
      optional: true,
      hint: 'Leave empty for api.telegram.org.',
    },
  ],
  email: [
    { name: 'host', label: 'Mail server', kind: 'text', span: 3 },
    { name: 'port', label: 'Port', kind: 'integer' },
    {
      name: 'secure',
      label: 'Encryption',
      kind: 'select',
      options: [
        { value: 'true', label: 'TLS (port 465)' },
        { value: 'false', label: 'STARTTLS when offered' },
      ],
    },
    { name: 'user', label: 'User name', kind: 'text', optional: true },
    { name: 'password', label: 'Password', kind: 'secret', optional: true },
    { name: 'from', label: 'From address', kind: 'text' },
    { name: 'to', label: 'To address', kind: 'text' },
  ],
  webhook: [
    { name: 'url', label: 'Webhook URL', kind: 'text', span: 4 },
    {
      name: 'secret',
      label: 'Signing secret',
      kind: 'secret',
      hint: 'Signs each body (HMAC-SHA256).',
    },
  ],
};

export function channelFields(kind: ChannelKind): FieldSpec[] {
  return [...KIND_FIELDS[kind], ...ROUTING];
}

export function channelFormInitial(kind: ChannelKind): FormValues {
  const initial: FormValues = { minSeverity: 'warning', redact: 'no' };
  if (kind === 'ntfy') initial.baseUrl = 'https://ntfy.sh';
  if (kind === 'email') Object.assign(initial, { port: '587', secure: 'false' });
  return initial;
}

/** The form's record as the contract's channel. */
export function channelFromForm(kind: ChannelKind, record: Record<string, unknown>): ChannelInput {
  const { quietFrom, quietTo, quietZone, redact, secure, ...fields } = record;
  const channel: Record<string, unknown> = {
    ...fields,
    kind,
    enabled: true,
    redactAmounts: redact === 'yes',
  };
  if (kind === 'email') channel.secure = secure === 'true';
  if (typeof quietFrom === 'string' && typeof quietTo === 'string' && typeof quietZone === 'string')
    channel.quietHours = { from: quietFrom, to: quietTo, timeZone: quietZone };
  // The service checks it whole with the contract's schema.
  return channel as ChannelInput;
}
