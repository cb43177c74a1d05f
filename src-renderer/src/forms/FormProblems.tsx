import Alert from '@mui/material/Alert';
import type { FormState } from './use-form-state';

// Said once Save was pressed on a form that is not right yet: which fields to fix (each
// says why under it) and any problem that belongs to no single field.

export function FormProblems({ form }: { form: Pick<FormState, 'invalidLabels' | 'formIssue'> }) {
  const { invalidLabels, formIssue } = form;
  if (invalidLabels.length === 0 && formIssue === undefined) return null;
  const fields =
    invalidLabels.length === 0
      ? ''
      : `Not saved yet: check ${invalidLabels.join(', ')} — each says what is wrong. `;
  return (
    <Alert severity="error" sx={{ mt: 1 }} role="alert" data-testid="form-problems">
      {fields}
      {formIssue ?? ''}
    </Alert>
  );
}
