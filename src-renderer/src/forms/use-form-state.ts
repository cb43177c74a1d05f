import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { fieldIssues, toRpcError } from '../api/rpc-failure';
import type { FieldSpec, FormValues } from './field-spec';
import { issuesByField, percentIssues, toRecordInput } from './form-values';

// The state behind every form: typed text, the contract schema's verdict on each
// keystroke, and the host's refusal mapped back onto the fields it names. Nothing
// typed is lost when the host says no.

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

  /** What to show under a field: the host's issue, else ours once the field was touched. */
  const errorFor = (name: string): string | undefined =>
    serverIssues[name] ?? (touched[name] ? localIssues[name] : undefined);

  /** Runs `send` with the checked record; returns true when the host accepted it. */
  const submit = async (send: (record: z.output<S>) => Promise<unknown>): Promise<boolean> => {
    if (!valid || !checked.success) return false;
    setPending(true);
    setServerMessage(null);
    setSaved(false);
    try {
      await send(checked.data);
      setSaved(true);
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
    setTouched({});
    setServerIssues({});
  };

  return {
    values,
    reset,
    saved,
    valid,
    pending,
    serverMessage,
    change,
    touch,
    errorFor,
    submit,
  };
}

export type FormState = ReturnType<typeof useFormState>;
