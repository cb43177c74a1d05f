import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { settingsSchema, type Settings } from '#api/records';
import type { FieldSpec } from '../../forms/field-spec';
import { toFormValues } from '../../forms/form-values';
import { InlineForm } from '../../forms/InlineForm';
import { useAction } from '../../state/use-call';
import { Section } from './Section';
import { describeError } from '#shared/describe-error';

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
  const update = useAction('settings.update');
  const [offlineError, setOfflineError] = useState<string | null>(null);

  const setOffline = async (offline: boolean) => {
    setOfflineError(null);
    try {
      onSaved(await update.run({ offline }));
    } catch (cause) {
      setOfflineError(describeError(cause));
    }
  };

  return (
    <Section title="Farm and polling">
      <InlineForm
        schema={generalSchema}
        fields={generalFields}
        initial={toFormValues(generalFields, settings)}
        submitLabel="Save"
        successMessage="Saved."
        onSubmit={async (patch) => onSaved(await update.run(patch))}
      />
      <FormControlLabel
        sx={{ mt: 2 }}
        control={
          <Switch
            checked={settings.offline}
            disabled={update.pending}
            onChange={(e) => void setOffline(e.target.checked)}
          />
        }
        label="Offline mode (make no network requests; use stored and manual values)"
      />
      {hostOffline && !settings.offline && (
        <Alert severity="info">
          The host was started offline, so no network requests are made anyway.
        </Alert>
      )}
      {offlineError && <Alert severity="error">{offlineError}</Alert>}
    </Section>
  );
}
