import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import type { z } from 'zod';
import type { FieldSpec, FormValues } from './field-spec';
import { FieldGrid } from './FieldGrid';
import { FormProblems } from './FormProblems';
import { useUnsavedChanges } from './unsaved-changes';
import { useFormState } from './use-form-state';
import { usePhoneWidth } from '../components/use-viewport';

// A dialog that adds or edits one record, checked with the contract's own zod schema
// as the operator types. Save always answers: it saves, or says which fields to fix.
// Closing with typed changes asks before throwing them away.

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
  const [asking, setAsking] = useState(false);
  const titleId = useId();
  useUnsavedChanges(form.dirty);
  // At phone width the form fills the screen so its fields and Save stay in view.
  const phone = usePhoneWidth();
  const save = async () => {
    if (await form.submit(onSubmit)) onClose();
  };
  const close = () => {
    if (form.pending) return;
    if (form.dirty) setAsking(true);
    else onClose();
  };
  return (
    <Dialog
      open
      onClose={close}
      maxWidth="md"
      fullWidth
      fullScreen={phone}
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <FieldGrid fields={fields} form={form} onSubmit={() => void save()} />
        <FormProblems form={form} />
        {form.serverMessage && (
          <Alert severity="error" sx={{ mt: 1 }} role="alert">
            {form.serverMessage}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={form.pending}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={form.pending}>
          {submitLabel}
        </Button>
      </DialogActions>
      {asking && (
        <DiscardQuestion title={title} onKeep={() => setAsking(false)} onDiscard={onClose} />
      )}
    </Dialog>
  );
}

function DiscardQuestion({
  title,
  onKeep,
  onDiscard,
}: {
  title: string;
  onKeep(): void;
  onDiscard(): void;
}) {
  const id = useId();
  return (
    <Dialog open onClose={onKeep} aria-labelledby={id} maxWidth="xs">
      <DialogTitle id={id}>Discard your changes?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          What you typed in “{title}” is not saved. Closing now throws it away.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onKeep} autoFocus>
          Keep editing
        </Button>
        <Button color="error" variant="contained" onClick={onDiscard}>
          Discard
        </Button>
      </DialogActions>
    </Dialog>
  );
}
