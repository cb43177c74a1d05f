import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import type { ParamsOf } from '#api/methods';
import type { Settings } from '#api/records';
import { toRpcError } from '../../api/rpc-failure';
import { useCall } from '../../state/use-call';
import { useSnapshotState } from '../../state/snapshot-context';
import { readBackFailure, refusalForSection } from './settings-read-back';

// How every Settings section saves (docs/dashboard.md "Settings"): settings.update, then
// settings.get, and "Saved." only when what was read back holds what was sent. A refusal
// or a value not kept is reported on the field it is about: `prefix` is the part of the
// settings path the section's field names leave out (`sources` for "binance.baseUrl").

type SettingsPatch = ParamsOf<'settings.update'>;

export function useSettingsSave(onSaved: (next: Settings) => void) {
  const call = useCall();
  const { refresh } = useSnapshotState();
  const [pending, setPending] = useState(0);
  const save = useCallback(
    async (patch: SettingsPatch, prefix = ''): Promise<Settings> => {
      setPending((n) => n + 1);
      try {
        try {
          await call('settings.update', patch);
        } catch (cause) {
          throw refusalForSection(cause, prefix);
        }
        const stored = await call('settings.get', {});
        onSaved(stored);
        void refresh();
        const failure = readBackFailure(patch, stored, prefix);
        if (failure) throw failure;
        return stored;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [call, onSaved, refresh],
  );
  return { save, pending: pending > 0 };
}

/** A setting that saves as it is flipped, saying "Saved." once read back, or why not. */
export function SettingSwitch({
  label,
  inputLabel,
  checked,
  patch,
  onSaved,
  testId,
}: {
  label: string;
  /** The switch's accessible name, when the visible label does not say enough. */
  inputLabel?: string;
  checked: boolean;
  patch(checked: boolean): SettingsPatch;
  onSaved(next: Settings): void;
  testId?: string;
}) {
  const { save, pending } = useSettingsSave(onSaved);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const messageId = useId();
  const flip = async (next: boolean) => {
    setOutcome(null);
    try {
      await save(patch(next));
      setOutcome({ ok: true, text: 'Saved.' });
    } catch (cause) {
      setOutcome({ ok: false, text: toRpcError(cause).message });
    }
  };
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ alignItems: 'center', flexWrap: 'wrap' }}
      data-testid={testId}
    >
      <FormControlLabel
        label={label}
        control={
          <Switch
            checked={checked}
            disabled={pending}
            onChange={(e) => void flip(e.target.checked)}
            slotProps={{
              input: {
                ...(inputLabel ? { 'aria-label': inputLabel } : {}),
                ...(outcome ? { 'aria-describedby': messageId } : {}),
              },
            }}
          />
        }
      />
      <Typography
        id={messageId}
        variant="body2"
        role={outcome?.ok === false ? 'alert' : 'status'}
        color={outcome?.ok === false ? 'error' : 'success.main'}
        sx={{ fontWeight: 600 }}
      >
        {outcome?.text ?? ''}
      </Typography>
    </Stack>
  );
}
