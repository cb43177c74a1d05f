import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { settingsSchema, type Settings } from '#api/records';
import type { FieldSpec } from '../../forms/field-spec';
import { toFormValues } from '../../forms/form-values';
import { InlineForm } from '../../forms/InlineForm';
import { Section } from './Section';
import { SettingSwitch, useSettingsSave } from './settings-save';

const generalSchema = settingsSchema.pick({
  electricityPerKwh: true,
  pollIntervalSec: true,
  rigPollIntervalSec: true,
  staleAfterSec: true,
});

const generalFields: FieldSpec[] = [
  {
    name: 'electricityPerKwh',
    label: 'Electricity cost',
    kind: 'decimal',
    unit: '$/kWh',
    hint: 'Farm default; a rig may override it.',
    span: 3,
  },
  {
    name: 'staleAfterSec',
    label: 'Stale after',
    kind: 'integer',
    unit: 's',
    hint: 'A price older than this is stale.',
    span: 3,
  },
  {
    name: 'pollIntervalSec',
    label: 'Feed poll interval',
    kind: 'integer',
    unit: 's',
    hint: 'Prices and chain stats.',
    span: 3,
  },
  {
    name: 'rigPollIntervalSec',
    label: 'Rig poll interval',
    kind: 'integer',
    unit: 's',
    hint: 'Miner APIs.',
    span: 3,
  },
];

export function GeneralSettings({
  settings,
  hostOffline,
  onSaved,
}: {
  settings: Settings;
  /** The host runs offline whatever the setting says (started with --offline). */
  hostOffline: boolean;
  onSaved(next: Settings): void;
}) {
  const { save } = useSettingsSave(onSaved);

  return (
    <Section title="Farm and polling">
      <InlineForm
        schema={generalSchema}
        fields={generalFields}
        initial={toFormValues(generalFields, settings)}
        submitLabel="Save farm and polling"
        successMessage="Saved."
        onSubmit={(patch) => save(patch)}
      />
      <Box sx={{ mt: 2 }}>
        <SettingSwitch
          label="Offline mode (make no network requests; use stored and manual values)"
          checked={settings.offline}
          patch={(offline) => ({ offline })}
          onSaved={onSaved}
        />
      </Box>
      {hostOffline && !settings.offline && (
        <Alert severity="info">
          The host was started offline, so no network requests are made anyway.
        </Alert>
      )}
    </Section>
  );
}
