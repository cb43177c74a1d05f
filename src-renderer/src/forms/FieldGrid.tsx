import Box from '@mui/material/Box';
import type { FieldSpec } from './field-spec';
import { FormField } from './FormField';
import type { FormState } from './use-form-state';

// Lays fields out on a six-column grid; Enter in any field submits.

export function FieldGrid({
  fields,
  form,
  onSubmit,
}: {
  fields: readonly FieldSpec[];
  form: Pick<FormState, 'values' | 'change' | 'touch' | 'errorFor' | 'idFor'>;
  onSubmit(): void;
}) {
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(6, minmax(0, 1fr))',
        columnGap: 2,
        rowGap: 1,
        pt: 1,
      }}
    >
      {fields.map((field) => (
        <Box key={field.name} sx={{ gridColumn: `span ${field.span ?? 2}` }}>
          <FormField
            id={form.idFor(field.name)}
            field={field}
            value={form.values[field.name] ?? ''}
            error={form.errorFor(field.name)}
            onChange={(value) => form.change(field.name, value)}
            onBlur={() => form.touch(field.name)}
          />
        </Box>
      ))}
      <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
    </Box>
  );
}
