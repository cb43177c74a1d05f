import { D, DECIMAL_PATTERN } from '#shared/decimal';
import { fractionSlip, fractionToPercent, percentText, percentToFraction } from '#shared/percent';
import type { FieldSpec, FormValues } from './field-spec';

// Typed text ⇄ record. Decimals stay strings (never floats); integers and numeric
// selects become numbers; empty optional fields are left out.

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const existing = target[head];
  const child: Record<string, unknown> =
    typeof existing === 'object' && existing !== null && !Array.isArray(existing)
      ? { ...existing }
      : {};
  setPath(child, rest.join('.'), value);
  target[head] = child;
}

function getPath(source: unknown, path: string): unknown {
  let value: unknown = source;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
    value = Object.entries(value).find(([k]) => k === key)?.[1];
  }
  return value;
}

/** ISO date-time → the value a datetime-local input shows (local time, minutes). */
function toLocalInput(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

function textToValue(field: FieldSpec, text: string): unknown {
  if (field.percent !== undefined) text = percentText(text);
  const trimmed = field.kind === 'multiline' ? text : text.trim();
  if (field.percent === 'fraction' && trimmed !== '') return percentToFraction(trimmed);
  if (trimmed === '') return field.optional ? undefined : field.kind === 'integer' ? undefined : '';
  switch (field.kind) {
    case 'integer':
      return PLAIN_NUMBER.test(trimmed) ? Number(trimmed) : Number.NaN;
    case 'select':
      return field.numeric && PLAIN_NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
    case 'datetime': {
      const t = new Date(trimmed);
      return Number.isNaN(t.getTime()) ? trimmed : t.toISOString();
    }
    default:
      return trimmed;
  }
}

/** The record the schema checks, built from what was typed. */
export function toRecordInput(
  fields: readonly FieldSpec[],
  values: FormValues,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const value = textToValue(field, values[field.name] ?? '');
    if (value !== undefined || !field.optional) setPath(input, field.name, value);
  }
  return input;
}

/** The text each field starts with, from a stored record (or defaults for a new one). */
export function toFormValues(fields: readonly FieldSpec[], record: unknown): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = getPath(record, field.name);
    if (value === undefined || value === null) values[field.name] = '';
    else if (field.kind === 'datetime' && typeof value === 'string')
      values[field.name] = toLocalInput(value);
    else if (field.percent === 'fraction' && typeof value === 'string')
      values[field.name] = fractionToPercent(value);
    else values[field.name] = String(value);
  }
  return values;
}

/** A datetime-local value for "now", for new records. */
export function nowLocalInput(): string {
  return toLocalInput(new Date().toISOString());
}

export function todayInput(): string {
  return nowLocalInput().slice(0, 10);
}

/** Issues keyed by field name ("endpoint.host"); issues for no field go under "". */
export function issuesByField(
  fields: readonly FieldSpec[],
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const names = new Set(fields.map((f) => f.name));
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const name = issue.path.map(String).join('.');
    const key = names.has(name)
      ? name
      : (fields.find((f) => name.startsWith(`${f.name}.`))?.name ?? '');
    if (key === '' && byField[''] !== undefined) {
      byField[''] = `${byField['']} ${issue.message}`;
    } else if (byField[key] === undefined) {
      byField[key] = issue.message;
    }
  }
  return byField;
}

/**
 * The patch an edit sends: the record as typed, with every optional field the operator
 * emptied sent as null, so the service removes it instead of keeping the old value.
 */
export function toPatch(
  fields: readonly FieldSpec[],
  record: Record<string, unknown>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...record };
  for (const field of fields) {
    const key = field.name.split('.')[0] ?? field.name;
    if (field.optional && patch[key] === undefined) patch[key] = null;
  }
  return patch;
}

/**
 * What the form itself says about typed percents before the contract sees them: a value
 * that looks like a fraction, or one outside the field's range said in percent. Keyed by
 * field name; these win over the contract's words for the same field.
 */
export function percentIssues(
  fields: readonly FieldSpec[],
  values: FormValues,
): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const field of fields) {
    if (field.percent === undefined) continue;
    const text = percentText(values[field.name] ?? '');
    if (!DECIMAL_PATTERN.test(text)) continue;
    const slip = field.guardFraction ? fractionSlip(text) : null;
    if (slip !== null) {
      issues[field.name] = slip;
      continue;
    }
    const range = field.percentRange;
    if (range && (new D(text).lt(range[0]) || new D(text).gt(range[1]))) {
      issues[field.name] = `Must be between ${range[0]} and ${range[1]} %.`;
    }
  }
  return issues;
}
