import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useId } from 'react';
import type { FieldKind, FieldSpec } from './field-spec';

const INPUT_TYPES: Partial<Record<FieldKind, string>> = {
  date: 'date',
  datetime: 'datetime-local',
  secret: 'password',
};

// One labelled input. Selects are native so they work with the keyboard, screen readers
// and `selectOption` alike; numbers are typed as text so nothing is rounded on the way.

export function FormField({
  field,
  value,
  error,
  onChange,
  onBlur,
}: {
  field: FieldSpec;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
  onBlur(): void;
}) {
  const helper = error ?? field.hint ?? (field.optional ? 'Optional.' : ' ');
  const isNumber = field.kind === 'decimal' || field.kind === 'integer';
  const unit = field.unit ?? (field.percent === undefined ? undefined : '%');
  const shrink = field.kind === 'select' || field.kind === 'date' || field.kind === 'datetime';
  // Unique per input: two forms with a field of the same name (each source's base URL) on
  // one page must not share an id, or a label would name the other form's input.
  const id = `field-${field.name.replace(/\./g, '-')}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <TextField
      id={id}
      name={field.name}
      label={field.label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      error={error !== undefined}
      helperText={helper}
      size="small"
      fullWidth
      select={field.kind === 'select'}
      multiline={field.kind === 'multiline'}
      minRows={field.kind === 'multiline' ? 2 : undefined}
      type={INPUT_TYPES[field.kind] ?? 'text'}
      slotProps={{
        select: { native: true },
        inputLabel: shrink ? { shrink: true } : undefined,
        htmlInput: {
          inputMode:
            field.kind === 'integer' ? 'numeric' : field.kind === 'decimal' ? 'decimal' : undefined,
          autoComplete: 'off',
          spellCheck: isNumber ? false : undefined,
        },
        input: unit
          ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> }
          : undefined,
      }}
    >
      {field.kind === 'select' && (
        <>
          {field.optional && <option value="">—</option>}
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </>
      )}
    </TextField>
  );
}
