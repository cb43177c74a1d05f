import type { z } from 'zod';
import { RpcError } from '#api/errors';

// Turns a zod failure into the contract's invalid_params error: a sentence a person can
// act on, and the issues (path + message) for forms to place under their fields.

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * One sentence per field: once a value has the wrong type, the checks zod still runs on it
 * (a length, a pattern) say nothing the person can use. Params that are not an object at
 * all are told what the call takes.
 */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const notAnObject = path === '' && issue.code === 'invalid_type' && issue.expected === 'object';
    issues.push({
      path,
      message: notAnObject
        ? 'Send the params as a JSON object, e.g. {} or {"id":"…"}.'
        : issue.message,
    });
  }
  return issues;
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
