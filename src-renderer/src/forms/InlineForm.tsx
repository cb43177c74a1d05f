import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { z } from 'zod';
import type { FieldSpec, FormValues } from './field-spec';
import { FieldGrid } from './FieldGrid';
import { useFormState } from './use-form-state';

// The same checked form, laid out in a page section instead of a dialog.

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
  const save = async () => {
    const ok = await form.submit(onSubmit);
    if (ok && clearOnSuccess) form.reset(initial);
  };
  return (
    <>
      <FieldGrid fields={fields} form={form} onSubmit={() => void save()} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
        <Button
          variant="contained"
          onClick={() => void save()}
          disabled={!form.valid || form.pending}
        >
          {submitLabel}
        </Button>
        {form.saved && successMessage && !form.serverMessage && (
          <Alert severity="success" sx={{ py: 0 }}>
            {successMessage}
          </Alert>
        )}
      </Stack>
      {form.serverMessage && (
        <Alert severity="error" sx={{ mt: 1 }} role="alert">
          {form.serverMessage}
        </Alert>
      )}
    </>
  );
}
