import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import type { FieldKind, FieldSpec } from './field-spec';

const INPUT_TYPES: Partial<Record<FieldKind, string>> = {
  date: 'date',
  datetime: 'datetime-local',
  secret: 'password',
};

// One labelled input. Selects are native so they work with the keyboard, screen readers
// and `selectOption` alike; numbers are typed as text so nothing is rounded on the way.
// A field the record cannot do without is marked required (an asterisk, aria-required).

export function FormField({
  id,
  field,
  value,
  error,
  onChange,
  onBlur,
}: {
  id: string;
  field: FieldSpec;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
  onBlur(): void;
}) {
  const helper = error ?? field.hint ?? (field.optional ? 'Optional.' : ' ');
  const isNumber = field.kind === 'decimal' || field.kind === 'integer';
  const unit = field.unit ?? (field.percent === undefined ? undefined : '%');
  const required = field.required ?? field.optional !== true;
  const shrink = field.kind === 'select' || field.kind === 'date' || field.kind === 'datetime';
  return (
    <TextField
      id={id}
      name={field.name}
      required={required}
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
        // The label is the field's name alone (what tests and screen readers find it by);
        // the asterisk is drawn after it, with empty alternative text. The input itself
        // carries aria-required.
        inputLabel: {
          ...(shrink ? { shrink: true } : {}),
          required: false,
          ...(required ? { 'data-required': '' } : {}),
        },
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
