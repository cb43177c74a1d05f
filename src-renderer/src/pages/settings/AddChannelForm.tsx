import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useMemo, useState } from 'react';
import { CHANNEL_KINDS, type ChannelKind } from '#api/notification-channel';
import type { Settings } from '#api/records';
import { InlineForm } from '../../forms/InlineForm';
import { useSettingsSave } from './settings-save';
import {
  channelFields,
  channelFormInitial,
  channelFormSchema,
  channelFromForm,
  KIND_LABELS,
} from './channel-form-fields';

// Adds one channel: pick the kind, fill its fields; the whole list is saved, the existing
// channels as settings.get showed them (their secrets stay saved on the service).

export function AddChannelForm({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved(next: Settings): void;
}) {
  const [kind, setKind] = useState<ChannelKind>('ntfy');
  const { save } = useSettingsSave(onSaved);
  const schema = useMemo(() => channelFormSchema(kind), [kind]);
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <TextField
        select
        size="small"
        label="New channel kind"
        value={kind}
        sx={{ maxWidth: 260 }}
        onChange={(e) => setKind(CHANNEL_KINDS.find((k) => k === e.target.value) ?? 'ntfy')}
      >
        {CHANNEL_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {KIND_LABELS[k]}
          </MenuItem>
        ))}
      </TextField>
      <InlineForm
        key={kind}
        schema={schema}
        fields={channelFields(kind)}
        initial={channelFormInitial(kind)}
        submitLabel={`Add ${KIND_LABELS[kind]} channel`}
        successMessage="Channel added."
        clearOnSuccess
        onSubmit={(record) =>
          save(
            {
              notifications: {
                channels: [...settings.notifications.channels, channelFromForm(kind, record)],
              },
            },
            `notifications.channels.${settings.notifications.channels.length}`,
          )
        }
      />
    </Stack>
  );
}
