import type { z } from 'zod';
import { RpcError } from '#api/errors';

// Turns a zod failure into the contract's invalid_params error: a sentence a person can
// act on, and the issues (path + message) for forms to place under their fields.

export interface FieldIssue {
  path: string;
  message: string;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function invalidParams(error: z.ZodError, what = 'The request'): RpcError {
  const issues = issuesOf(error);
  const sentences = issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new RpcError('invalid_params', `${what} was not accepted. ${sentences.join(' ')}${more}`, {
    issues,
  });
}

export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what?: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidParams(result.error, what);
  return result.data;
}
