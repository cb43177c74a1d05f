import { z } from 'zod';

// Default sentences for the checks a field does not word itself (ranges, choices, types),
// so every refusal reads like the rest of RigLedger rather than a validator's shorthand.

function quantity(origin: string, bound: number | bigint): string {
  if (origin === 'string') return `${bound} characters`;
  if (origin === 'array' || origin === 'set') return `${bound} entries`;
  return String(bound);
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
        if (issue.expected === 'int') return 'Must be a whole number.';
        if (issue.input === undefined) return 'This is required.';
        if (issue.expected === 'string' && typeof issue.input === 'number') {
          return 'Send numbers as decimal strings, e.g. "12.5".';
        }
        return `Expected ${issue.expected}.`;
      case 'unrecognized_keys':
        return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
      default:
        return undefined;
    }
  },
});

export {};
