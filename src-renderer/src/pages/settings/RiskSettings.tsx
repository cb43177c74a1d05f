import Box from '@mui/material/Box';
import { z } from 'zod';
import { settingsSchema, type Settings } from '#api/records';
import type { FieldSpec } from '../../forms/field-spec';
import { toFormValues } from '../../forms/form-values';
import { InlineForm } from '../../forms/InlineForm';
import { Section } from './Section';
import { SettingSwitch, useSettingsSave } from './settings-save';

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
  const { save } = useSettingsSave(onSaved);
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
        onSubmit={({ risk }) => save({ risk })}
      />
      <Box sx={{ mt: 2 }}>
        <SettingSwitch
          label="Warn when the week's odds pass the threshold"
          checked={settings.risk.oddsAlert}
          patch={(oddsAlert) => ({ risk: { oddsAlert } })}
          onSaved={onSaved}
        />
      </Box>
    </Section>
  );
}
