import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { z } from 'zod';
import type { FieldSpec, FormValues } from './field-spec';
import { FieldGrid } from './FieldGrid';
import { useFormState } from './use-form-state';
import { usePhoneWidth } from '../components/use-viewport';

// A dialog that adds or edits one record, checked with the contract's own zod schema
// as the operator types; Save stays disabled until the record is valid.

export function RecordForm<S extends z.ZodType>({
  title,
  schema,
  fields,
  initial,
  onSubmit,
  onClose,
  submitLabel = 'Save',
}: {
  title: string;
  schema: S;
  fields: readonly FieldSpec[];
  initial: FormValues;
  onSubmit(record: z.output<S>): Promise<unknown>;
  onClose(): void;
  submitLabel?: string;
}) {
  const form = useFormState(schema, fields, initial);
  // At phone width the form fills the screen so its fields and Save stay in view.
  const phone = usePhoneWidth();
  const save = async () => {
    if (await form.submit(onSubmit)) onClose();
  };
  return (
    <Dialog
      open
      onClose={form.pending ? undefined : onClose}
      maxWidth="md"
      fullWidth
      fullScreen={phone}
      aria-labelledby="record-form-title"
    >
      <DialogTitle id="record-form-title">{title}</DialogTitle>
      <DialogContent>
        <FieldGrid fields={fields} form={form} onSubmit={() => void save()} />
        {form.serverMessage && (
          <Alert severity="error" sx={{ mt: 1 }} role="alert">
            {form.serverMessage}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={form.pending}>
          Cancel
        </Button>
        <Button
          variant="contained"
          onClick={() => void save()}
          disabled={!form.valid || form.pending}
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
