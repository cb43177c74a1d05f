import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { z } from 'zod';
import type { FieldSpec, FormValues } from './field-spec';
import { FieldGrid } from './FieldGrid';
import { FormProblems } from './FormProblems';
import { useUnsavedChanges } from './unsaved-changes';
import { useFormState } from './use-form-state';

// The same checked form, laid out in a page section instead of a dialog. Typed changes
// not yet saved are said beside the button, and leaving the page asks first.

export function InlineForm<S extends z.ZodType>({
  schema,
  fields,
  initial,
  onSubmit,
  submitLabel,
  clearOnSuccess = false,
  successMessage,
}: {
  schema: S;
  fields: readonly FieldSpec[];
  initial: FormValues;
  onSubmit(record: z.output<S>): Promise<unknown>;
  submitLabel: string;
  clearOnSuccess?: boolean;
  successMessage?: string;
}) {
  const form = useFormState(schema, fields, initial);
  useUnsavedChanges(form.dirty);
  const save = async () => {
    const ok = await form.submit(onSubmit);
    if (ok && clearOnSuccess) form.reset(initial);
  };
  return (
    <>
      <FieldGrid fields={fields} form={form} onSubmit={() => void save()} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
        <Button variant="contained" onClick={() => void save()} disabled={form.pending}>
          {submitLabel}
        </Button>
        {form.dirty && !clearOnSuccess && (
          <Typography variant="body2" color="text.secondary" data-testid="unsaved">
            Changes not saved yet.
          </Typography>
        )}
        {form.saved && !form.dirty && successMessage && !form.serverMessage && (
          <Alert severity="success" sx={{ py: 0 }}>
            {successMessage}
          </Alert>
        )}
      </Stack>
      <FormProblems form={form} />
      {form.serverMessage && (
        <Alert severity="error" sx={{ mt: 1 }} role="alert">
          {form.serverMessage}
        </Alert>
      )}
    </>
  );
}
