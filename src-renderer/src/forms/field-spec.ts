// How a record form describes its fields. Values are held as the text the operator
// typed; `form-values.ts` turns them into the record the zod schema checks.

export type FieldKind =
  'text' | 'secret' | 'decimal' | 'integer' | 'select' | 'date' | 'datetime' | 'multiline';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldSpec {
  /** Record key; a dotted name ("endpoint.host") builds a nested object. */
  name: string;
  /** Visible label; also what tests find the field by. Keep labels unique on a form. */
  label: string;
  kind: FieldKind;
  optional?: boolean;
  /**
   * Whether the field is marked required; by default every field not `optional`. A field
   * that may be left empty to clear a value (an API key) says false.
   */
  required?: boolean;
  /** Select options; a `numeric` select sends its value as a number. */
  options?: readonly FieldOption[];
  numeric?: boolean;
  /** Unit shown at the end of the input ("W", "%", "$/kWh"); percent fields show "%". */
  unit?: string;
  /**
   * A percent the person types as "70", "70%" or "70 %". `percent` goes to the contract as
   * typed (a `…Pct` field); `fraction` is sent divided by 100 (a `…Rate` field).
   */
  percent?: 'percent' | 'fraction';
  /** Questions a value between 0 and 1 ("did you mean 70 %?"): fractions are never meant here. */
  guardFraction?: boolean;
  /** Allowed percents [min, max], said in percent even when the contract takes a fraction. */
  percentRange?: readonly [string, string];
  /** One line under the field while it has no error. */
  hint?: string;
  /** Grid columns this field spans (of 6); default 2. */
  span?: number;
}

export type FormValues = Record<string, string>;

export function options(values: readonly string[]): FieldOption[] {
  return values.map((value) => ({ value, label: value }));
}
