import Box from '@mui/material/Box';
import { useMemo } from 'react';
import { z } from 'zod';
import { checkSettings, settingsSchema, type Settings } from '#api/records';
import type { FieldSpec } from '../../forms/field-spec';
import { toFormValues } from '../../forms/form-values';
import { InlineForm } from '../../forms/InlineForm';
import { Section } from './Section';
import { SettingSwitch, useSettingsSave } from './settings-save';

// When an alert fires: each threshold of settings.thresholds with its unit, checked on
// every keystroke by the contract's schema and its cross-field rule (critical below
// warning), and the desktop-notification switch.

const thresholdFields = [
  {
    name: 'thresholds.positionWarningPct',
    label: 'Position warning',
    kind: 'decimal',
    percent: 'percent',
    hint: 'Distance to liquidation that warns.',
  },
  {
    name: 'thresholds.positionCriticalPct',
    label: 'Position critical',
    kind: 'decimal',
    percent: 'percent',
    hint: 'Distance that is critical; below the warning.',
  },
  {
    name: 'thresholds.loanWatchPoints',
    label: 'Loan watch margin',
    kind: 'decimal',
    unit: 'points',
    hint: 'LTV points short of the margin call.',
  },
  {
    name: 'thresholds.hysteresisPoints',
    label: 'Hysteresis',
    kind: 'decimal',
    unit: 'points',
    hint: 'How far back past a threshold before it clears.',
  },
  {
    name: 'thresholds.rigOfflineMin',
    label: 'Rig offline after',
    kind: 'integer',
    unit: 'min',
    hint: 'Silence before a rig counts as offline.',
  },
  {
    name: 'thresholds.hashrateDropPct',
    label: 'Hash rate drop',
    kind: 'decimal',
    percent: 'percent',
    hint: 'Below expected by this much warns.',
  },
  {
    name: 'thresholds.paymentDueDays',
    label: 'Payment due within',
    kind: 'integer',
    unit: 'days',
    hint: 'Days ahead a loan payment is announced.',
  },
] satisfies FieldSpec[];

export function AlertThresholds({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved(next: Settings): void;
}) {
  const { save } = useSettingsSave(onSaved);

  const schema = useMemo(
    () =>
      z
        .object({ thresholds: settingsSchema.shape.thresholds })
        .superRefine((value, ctx) => checkSettings({ ...settings, ...value }, ctx)),
    [settings],
  );

  return (
    <Section
      title="Alert thresholds"
      description="When positions, loans, rigs and payments raise an alert."
    >
      <InlineForm
        schema={schema}
        fields={thresholdFields}
        initial={toFormValues(thresholdFields, settings)}
        submitLabel="Save thresholds"
        successMessage="Saved."
        onSubmit={({ thresholds }) => save({ thresholds })}
      />
      <Box sx={{ mt: 2 }}>
        <SettingSwitch
          label="Desktop notifications"
          checked={settings.notifications.desktop}
          patch={(desktop) => ({ notifications: { desktop } })}
          onSaved={onSaved}
        />
      </Box>
    </Section>
  );
}
