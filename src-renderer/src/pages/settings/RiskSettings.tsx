import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { useState } from 'react';
import { z } from 'zod';
import { settingsSchema, type Settings } from '#api/records';
import { describeError } from '#shared/describe-error';
import type { FieldSpec } from '../../forms/field-spec';
import { toFormValues } from '../../forms/form-values';
import { InlineForm } from '../../forms/InlineForm';
import { useAction } from '../../state/use-call';
import { Section } from './Section';

// The odds of crossing and the runway (settings.risk): the volatility window and default,
// the odds alert and its threshold, and the difficulty change the runway falls back on.

const riskFields = [
  {
    name: 'risk.volatilityWindowDays',
    label: 'Volatility window',
    kind: 'integer',
    unit: 'days',
    hint: 'Daily closes the volatility is measured over.',
  },
  {
    name: 'risk.defaultVolatilityPct',
    label: 'Default volatility',
    kind: 'decimal',
    percent: 'percent',
    percentRange: ['1', '500'],
    hint: 'A year; used while the price history is shorter than the window.',
  },
  {
    name: 'risk.oddsAlertPct',
    label: 'Odds alert at',
    kind: 'decimal',
    percent: 'percent',
    hint: '7-day odds of a margin call or liquidation that warn.',
  },
  {
    name: 'risk.difficultyPerRetargetPct',
    label: 'Difficulty per retarget',
    kind: 'decimal',
    percent: 'percent',
    percentRange: ['-50', '100'],
    hint: 'For the runway when no retarget is recorded and the chain gives no estimate.',
  },
] satisfies FieldSpec[];

const schema = z.object({
  risk: settingsSchema.shape.risk.unwrap().omit({ oddsAlert: true }),
});

export function RiskSettings({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved(next: Settings): void;
}) {
  const update = useAction('settings.update');
  const toggle = useAction('settings.update');
  const [toggleError, setToggleError] = useState<string | null>(null);
  const setOddsAlert = async (oddsAlert: boolean) => {
    setToggleError(null);
    try {
      onSaved(await toggle.run({ risk: { oddsAlert } }));
    } catch (cause) {
      setToggleError(describeError(cause));
    }
  };
  return (
    <Section
      title="Odds and runway"
      description="How the odds of a margin call or liquidation are measured, when they warn, and what the runway assumes."
    >
      <InlineForm
        schema={schema}
        fields={riskFields}
        initial={toFormValues(riskFields, settings)}
        submitLabel="Save odds and runway"
        successMessage="Saved."
        onSubmit={async ({ risk }) => onSaved(await update.run({ risk }))}
      />
      <FormControlLabel
        sx={{ mt: 2 }}
        control={
          <Switch
            checked={settings.risk.oddsAlert}
            disabled={toggle.pending}
            onChange={(e) => void setOddsAlert(e.target.checked)}
          />
        }
        label="Warn when the week's odds pass the threshold"
      />
      {toggleError && <Alert severity="error">{toggleError}</Alert>}
    </Section>
  );
}
