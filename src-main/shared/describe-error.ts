// The one way RigLedger turns a failure into text, on both sides. A thrown value may be
// anything (an Error, a string, a plain object from another process), and the useful part
// is often in its `cause`: "fetch failed" says little, "connect ECONNREFUSED 127.0.0.1:9"
// says what to fix. So the text is the message followed by every cause's message.

/** How deep a `cause` chain is followed; a chain that loops stops at the first repeat. */
const MAX_CAUSES = 8;

export interface DescribeErrorOptions {
  /**
   * Put the stack of the outermost error in front, for a log line. Never for a person:
   * what reaches the dashboard has no stack trace.
   */
  withStack?: boolean;
}

function messageOf(value: unknown): string {
  if (value instanceof Error) {
    if (value.message !== '') return value.message;
    // Node's network errors sometimes carry only a code (an AggregateError of ECONNREFUSED).
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (value instanceof AggregateError && value.errors.length > 0) {
      return value.errors.map(messageOf).join('; ');
    }
    return value.name;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const { message } = value as { message?: unknown };
    if (typeof message === 'string' && message !== '') return message;
    try {
      return JSON.stringify(value);
    } catch {
      // A value JSON cannot write (a cycle, a BigInt) still has its default text.
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}

function causeOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'cause' in value ? value.cause : undefined;
}

/** A failure as one line: its message, then "caused by" each cause in its chain. */
export function describeError(error: unknown, options: DescribeErrorOptions = {}): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  do {
    seen.add(current);
    const message = messageOf(current);
    // A wrapper that repeats its cause's words adds nothing to read.
    if (parts.at(-1) !== message) parts.push(message);
    current = causeOf(current);
  } while (current !== undefined && !seen.has(current) && parts.length <= MAX_CAUSES);
  const text = parts.join('; caused by: ');
  if (options.withStack && error instanceof Error && error.stack) {
    // The stack starts with "Name: message"; the chain follows it on the next line.
    return parts.length > 1
      ? `${error.stack}\ncaused by: ${parts.slice(1).join('; caused by: ')}`
      : error.stack;
  }
  return text;
}
