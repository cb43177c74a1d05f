import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { z } from 'zod';
import type { Channel, ChannelStatus } from '#api/notification-channel';
import { escalationSchema } from '#api/notification-channel';
import { settingsSchema, type Settings } from '#api/records';
import { formatDateTime } from '#shared/format';
import type { FieldSpec } from '../../forms/field-spec';
import { InlineForm } from '../../forms/InlineForm';
import { toRpcError } from '../../api/rpc-failure';
import { useAction, useQuery } from '../../state/use-call';
import { AddChannelForm } from './AddChannelForm';
import { SettingSwitch, useSettingsSave } from './settings-save';
import { KIND_LABELS } from './channel-form-fields';
import { Section } from './Section';

// Off-desk channels (docs/notifications.md): each with its target, the secrets saved on
// the service (shown as "set", never their values), its last success and last error from
// notifications.status, a Send test button, and the escalation settings.

function target(channel: Channel): string {
  switch (channel.kind) {
    case 'ntfy':
      return `${channel.baseUrl.replace(/\/+$/, '')}/${channel.topic}`;
    case 'pushover':
      return channel.baseUrl ?? 'api.pushover.net';
    case 'telegram':
      return `chat ${channel.chatId}`;
    case 'email':
      return `${channel.to} via ${channel.host}:${channel.port}`;
    case 'webhook':
      return channel.url;
  }
}

function ChannelRow({
  channel,
  status,
  settings,
  onSaved,
  onTested,
}: {
  channel: Channel;
  status: ChannelStatus | undefined;
  settings: Settings;
  onSaved(next: Settings): void;
  onTested(): void;
}) {
  const { save, pending } = useSettingsSave(onSaved);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const test = useAction('notifications.test');
  const [tested, setTested] = useState<string | null>(null);
  const title = channel.name ?? KIND_LABELS[channel.kind];
  const others = settings.notifications.channels.filter((c) => c.id !== channel.id);
  const remove = async () => {
    setRemoveError(null);
    try {
      await save({ notifications: { channels: others } });
    } catch (cause) {
      setRemoveError(toRpcError(cause).message);
    }
  };
  const sendTest = async () => {
    setTested(null);
    const done = await test.attempt({ channelId: channel.id });
    if (done.ok)
      setTested(
        done.result.delivered
          ? 'Test message delivered.'
          : `Not delivered: ${done.result.error ?? 'no answer'}`,
      );
    onTested();
  };
  return (
    <Box
      sx={{ py: 1.5, borderTop: 1, borderColor: 'divider' }}
      data-testid={`channel-${channel.id}`}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 600 }}>{title}</Typography>
        <Typography variant="body2" color="text.secondary">
          {KIND_LABELS[channel.kind]} · {target(channel)} · {channel.minSeverity} and up
        </Typography>
        {(channel.secretsSet ?? []).map((name) => (
          <Chip key={name} size="small" label={`${name}: set`} />
        ))}
        <Box sx={{ flexGrow: 1 }} />
        <SettingSwitch
          label="Enabled"
          inputLabel={`${title} enabled`}
          checked={channel.enabled}
          patch={(enabled) => ({
            notifications: {
              channels: settings.notifications.channels.map((c) =>
                c.id === channel.id ? { ...c, enabled } : c,
              ),
            },
          })}
          onSaved={onSaved}
        />
        <Button
          size="small"
          variant="outlined"
          disabled={test.pending}
          onClick={() => void sendTest()}
        >
          Send test
        </Button>
        <Button size="small" color="error" disabled={pending} onClick={() => void remove()}>
          Remove
        </Button>
      </Stack>
      <Typography variant="body2" data-testid="channel-status">
        Last success: {status?.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : 'never'}
        {' · '}Last error: {status?.lastError ?? 'none'}
        {status && status.queued > 0 ? ` · ${status.queued} waiting` : ''}
      </Typography>
      {tested && (
        <Alert
          severity={tested.startsWith('Test message delivered') ? 'success' : 'warning'}
          sx={{ mt: 1, py: 0 }}
        >
          {tested}
        </Alert>
      )}
      {(removeError ?? test.error) && (
        <Typography color="error" variant="body2" role="alert">
          {removeError ?? test.error?.message}
        </Typography>
      )}
    </Box>
  );
}

const escalationFormSchema = z.object({
  escalation: escalationSchema,
  dashboardUrl: settingsSchema.shape.notifications.shape.dashboardUrl.optional(),
});

const escalationFields = [
  {
    name: 'escalation.afterMinutes',
    label: 'Repeat critical alerts every',
    kind: 'integer',
    unit: 'min',
    hint: 'Until acknowledged.',
  },
  { name: 'escalation.maxRepeats', label: 'At most', kind: 'integer', unit: 'repeats' },
  {
    name: 'dashboardUrl',
    label: 'Dashboard address in messages',
    kind: 'text',
    optional: true,
    span: 4,
    hint: 'e.g. your tunnel URL; leave empty for none.',
  },
] satisfies FieldSpec[];

export function NotificationChannels({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved(next: Settings): void;
}) {
  const status = useQuery('notifications.status', {});
  const { save } = useSettingsSave(onSaved);
  const { channels, escalation, dashboardUrl } = settings.notifications;
  return (
    <Section
      title="Notification channels"
      description="Where alerts reach you away from this screen: phone push, Telegram, e-mail or a webhook. Tokens and passwords are write-only."
    >
      {status.result?.some((s) => s.offline) && (
        <Alert severity="info">
          Offline mode is on: RigLedger sends nothing to these channels.
        </Alert>
      )}
      {status.error && (
        <Alert severity="error">Could not read the channels’ status: {status.error.message}</Alert>
      )}
      {channels.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No channel yet: add one below.
        </Typography>
      )}
      {channels.map((channel) => (
        <ChannelRow
          key={channel.id}
          channel={channel}
          status={status.result?.find((s) => s.channelId === channel.id)}
          settings={settings}
          onSaved={(next) => {
            onSaved(next);
            void status.reload();
          }}
          onTested={() => void status.reload()}
        />
      ))}
      <AddChannelForm
        settings={settings}
        onSaved={(next) => {
          onSaved(next);
          void status.reload();
        }}
      />
      <Box sx={{ mt: 3 }}>
        <InlineForm
          schema={escalationFormSchema}
          fields={escalationFields}
          initial={{
            'escalation.afterMinutes': String(escalation.afterMinutes),
            'escalation.maxRepeats': String(escalation.maxRepeats),
            dashboardUrl,
          }}
          submitLabel="Save escalation"
          successMessage="Saved."
          onSubmit={(record) =>
            save(
              {
                notifications: {
                  escalation: record.escalation,
                  dashboardUrl: record.dashboardUrl ?? '',
                },
              },
              'notifications',
            )
          }
        />
      </Box>
    </Section>
  );
}
