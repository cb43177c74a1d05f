import { useId, useMemo, useState } from 'react';
import type { z } from 'zod';
import { fieldIssues, toRpcError } from '../api/rpc-failure';
import type { FieldSpec, FormValues } from './field-spec';
import { issuesByField, percentIssues, toRecordInput } from './form-values';

// The state behind every form: typed text, the contract schema's verdict on each
// keystroke, and the host's refusal mapped back onto the fields it names. Nothing
// typed is lost when the host says no. Save is never silently disabled: pressing it on
// an invalid form shows every field's reason and moves focus to the first one.

export function useFormState<S extends z.ZodType>(
  schema: S,
  fields: readonly FieldSpec[],
  initial: FormValues,
) {
  const [values, setValues] = useState<FormValues>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [serverIssues, setServerIssues] = useState<Record<string, string>>({});
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [baseline, setBaseline] = useState<FormValues>(initial);
  // Ids unique to this form: two forms on a page never share a field id.
  const idPrefix = useId();

  const checked = useMemo(
    () => schema.safeParse(toRecordInput(fields, values)),
    [schema, fields, values],
  );
  const typedIssues = useMemo(() => percentIssues(fields, values), [fields, values]);
  const localIssues = useMemo(
    () => ({
      ...(checked.success ? {} : issuesByField(fields, checked.error.issues)),
      ...typedIssues,
    }),
    [checked, fields, typedIssues],
  );
  const valid = checked.success && Object.keys(typedIssues).length === 0;

  const change = (name: string, value: string) => {
    setSaved(false);
    setValues((prev) => ({ ...prev, [name]: value }));
    setTouched((prev) => ({ ...prev, [name]: true }));
    setServerIssues((prev) => {
      if (prev[name] === undefined) return prev;
      const { [name]: _cleared, ...rest } = prev;
      return rest;
    });
  };

  const touch = (name: string) => setTouched((prev) => ({ ...prev, [name]: true }));

  /** What to show under a field: the host's issue, else ours once touched or Save pressed. */
  const errorFor = (name: string): string | undefined =>
    serverIssues[name] ?? (touched[name] || attempted ? localIssues[name] : undefined);

  /** The input's id: unique on the page, so a label focuses its own field. */
  const idFor = (name: string): string => `${idPrefix}-field-${name.replace(/\./g, '-')}`;

  /** A problem with the form as a whole (no single field to show it under). */
  const formIssue = attempted ? localIssues[''] : undefined;
  /** The fields still wrong, by label, once Save was pressed. */
  const invalidLabels = attempted
    ? fields.filter((f) => localIssues[f.name] !== undefined).map((f) => f.label)
    : [];

  const dirty = fields.some((f) => (values[f.name] ?? '') !== (baseline[f.name] ?? ''));

  /** Runs `send` with the checked record; returns true when the host accepted it. */
  const submit = async (send: (record: z.output<S>) => Promise<unknown>): Promise<boolean> => {
    if (!valid || !checked.success) {
      setAttempted(true);
      const first = fields.find((f) => localIssues[f.name] !== undefined);
      if (first) document.getElementById(idFor(first.name))?.focus();
      return false;
    }
    setPending(true);
    setServerMessage(null);
    setSaved(false);
    try {
      await send(checked.data);
      setSaved(true);
      setAttempted(false);
      setBaseline(values);
      return true;
    } catch (cause) {
      const error = toRpcError(cause);
      const issues = issuesByField(fields, fieldIssues(error));
      setServerIssues(issues);
      const formLevel = issues[''];
      setServerMessage(formLevel ? `${error.message} ${formLevel}` : error.message);
      return false;
    } finally {
      setPending(false);
    }
  };

  /** Starts over from `next` (after a one-shot form was sent). */
  const reset = (next: FormValues) => {
    setValues(next);
    setBaseline(next);
    setTouched({});
    setServerIssues({});
    setAttempted(false);
  };

  return {
    values,
    reset,
    saved,
    valid,
    dirty,
    pending,
    formIssue,
    invalidLabels,
    idFor,
    serverMessage,
    change,
    touch,
    errorFor,
    submit,
  };
}

export type FormState = ReturnType<typeof useFormState>;
