import { z } from 'zod';

// Default sentences for the checks a field does not word itself (ranges, choices, types),
// so every refusal reads like the rest of RigLedger rather than a validator's shorthand.

function quantity(origin: string, bound: number | bigint): string {
  const one = Number(bound) === 1;
  if (origin === 'string') return `${bound} character${one ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') return `${bound} entr${one ? 'y' : 'ies'}`;
  return String(bound);
}

/** What to send when a value has the wrong type: named by the kind of value expected. */
function wrongType(expected: string, input: unknown): string {
  switch (expected) {
    case 'string':
      return typeof input === 'number'
        ? 'Send text in quotes here, not a number.'
        : 'Send text in quotes here.';
    case 'number':
      return 'Send a number here, without quotes.';
    case 'int':
      return 'Send a whole number here, e.g. 12.';
    case 'boolean':
      return 'Send true or false here.';
    case 'array':
      return 'Send a list here, e.g. [ … ].';
    case 'object':
    case 'record':
      return 'Send an object here, e.g. { … }.';
    default:
      return `Send a ${expected} here.`;
  }
}

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'too_big':
        return `Must be at most ${quantity(issue.origin, issue.maximum)}.`;
      case 'too_small':
        return issue.origin === 'string' && issue.minimum === 1
          ? 'This cannot be empty.'
          : `Must be at least ${quantity(issue.origin, issue.minimum)}.`;
      case 'invalid_value':
        return `Choose one of: ${issue.values.map(String).join(', ')}.`;
      case 'invalid_type':
        if (issue.input === undefined) return 'This is required.';
        // Decimal fields word their own refusal ("Send numbers as decimal strings").
        return wrongType(issue.expected, issue.input);
      case 'invalid_union': {
        // Say what the first accepted form wants (e.g. "Enter a coin symbol.").
        const first = issue.errors[0]?.[0];
        return first?.message ?? 'Send one of the forms this field accepts.';
      }
      case 'unrecognized_keys':
        return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
      default:
        return undefined;
    }
  },
});

export {};
