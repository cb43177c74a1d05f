// JSON.parse for a large request body (a 16 MiB backup) that leaves the event loop free:
// the text is walked container by container, each piece small enough is handed to the
// native JSON.parse, and other requests get a turn every SLICE_MS of work. The result is
// the value JSON.parse would give, "__proto__" keys included as ordinary own properties
// (so the forbidden-key check still sees them).

/** Below this many characters a value goes to JSON.parse whole (~1 ms of work). */
export const PIECE_CHARS = 128 * 1024;
/**
 * Containers are walked this many levels deep at most (a backup's records sit at level 3);
 * anything deeper goes to JSON.parse whole, which keeps the walk linear for any nesting.
 */
const MAX_DEPTH = 6;
/** Work time between two turns given to other requests: far under the 100 ms they may wait. */
const SLICE_MS = 10;
/** Characters scanned between two looks at the clock. */
const SCAN_STRIDE = 32 * 1024;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export interface SlicedJsonOptions {
  /** Lets other work run; defaults to setImmediate. */
  yieldTurn?: () => Promise<void>;
  pieceChars?: number;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === LF || code === CR;
}

class SlicedParser {
  private sliceStart = performance.now();

  constructor(
    private readonly text: string,
    private readonly yieldTurn: () => Promise<void>,
    private readonly pieceChars: number,
  ) {}

  private async breathe(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await this.yieldTurn();
    this.sliceStart = performance.now();
  }

  private fail(at: number, what: string): never {
    throw new SyntaxError(`${what} at position ${at} of the JSON text`);
  }

  skipSpace(at: number): number {
    let i = at;
    while (i < this.text.length && isSpace(this.text.charCodeAt(i))) i += 1;
    return i;
  }

  /** Index just past the value that starts at `start` (no leading whitespace). */
  private async valueEnd(start: number): Promise<number> {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE) {
      let i = start;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isSpace(code))
          break;
        i += 1;
      }
      return i;
    }
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i += 1) {
      if ((i - start) % SCAN_STRIDE === 0) await this.breathe();
      const code = text.charCodeAt(i);
      if (inString) {
        if (code === BACKSLASH) i += 1;
        else if (code === QUOTE) {
          inString = false;
          if (depth === 0) return i + 1;
        }
      } else if (code === QUOTE) inString = true;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    return this.fail(text.length, 'Unexpected end of JSON input');
  }

  /** The value held by text[start, end): exactly one value, no surrounding whitespace. */
  async parse(start: number, end: number, depth = 0): Promise<unknown> {
    const first = this.text.charCodeAt(start);
    const container = first === OPEN_BRACE || first === OPEN_BRACKET;
    if (end - start <= this.pieceChars || !container || depth >= MAX_DEPTH) {
      await this.breathe();
      return JSON.parse(this.text.slice(start, end));
    }
    return first === OPEN_BRACE
      ? this.parseObject(start, end, depth + 1)
      : this.parseArray(start, end, depth + 1);
  }

  private async parseObject(
    start: number,
    end: number,
    depth: number,
  ): Promise<Record<string, unknown>> {
    const object: Record<string, unknown> = {};
    let i = this.skipSpace(start + 1);
    if (this.text.charCodeAt(i) === CLOSE_BRACE) return this.closed(object, i, end);
    for (;;) {
      if (this.text.charCodeAt(i) !== QUOTE) this.fail(i, 'Expected a property name');
      const keyEnd = await this.valueEnd(i);
      const key: unknown = JSON.parse(this.text.slice(i, keyEnd));
      if (typeof key !== 'string') this.fail(i, 'Expected a property name');
      i = this.skipSpace(keyEnd);
      if (this.text.charCodeAt(i) !== COLON) this.fail(i, "Expected ':' after a property name");
      i = this.skipSpace(i + 1);
      const valueEnd = await this.valueEnd(i);
      // Defined, not assigned: "__proto__" stays an own property, exactly as JSON.parse does.
      Object.defineProperty(object, key, {
        value: await this.parse(i, valueEnd, depth),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      i = this.skipSpace(valueEnd);
      const next = this.text.charCodeAt(i);
      if (next === CLOSE_BRACE) return this.closed(object, i, end);
      if (next !== COMMA) this.fail(i, "Expected ',' or '}' after a property value");
      i = this.skipSpace(i + 1);
    }
  }

  private async parseArray(start: number, end: number, depth: number): Promise<unknown[]> {
    const array: unknown[] = [];
    let i = this.skipSpace(start + 1);
    if (this.text.charCodeAt(i) === CLOSE_BRACKET) return this.closed(array, i, end);
    for (;;) {
      const valueEnd = await this.valueEnd(i);
      if (valueEnd === i) this.fail(i, 'Expected a value');
      array.push(await this.parse(i, valueEnd, depth));
      i = this.skipSpace(valueEnd);
      const next = this.text.charCodeAt(i);
      if (next === CLOSE_BRACKET) return this.closed(array, i, end);
      if (next !== COMMA) this.fail(i, "Expected ',' or ']' after an array element");
      i = this.skipSpace(i + 1);
    }
  }

  private closed<T>(value: T, closeAt: number, end: number): T {
    if (closeAt + 1 !== end) this.fail(closeAt + 1, 'Unexpected text after the value');
    return value;
  }
}

/** JSON.parse(text), in slices that give other work a turn; throws SyntaxError alike. */
export async function parseJsonSliced(
  text: string,
  options: SlicedJsonOptions = {},
): Promise<unknown> {
  const pieceChars = options.pieceChars ?? PIECE_CHARS;
  if (text.length <= pieceChars) return JSON.parse(text);
  const parser = new SlicedParser(text, options.yieldTurn ?? nextTurn, pieceChars);
  const start = parser.skipSpace(0);
  let end = text.length;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
  if (start === end) throw new SyntaxError('Unexpected end of JSON input');
  return parser.parse(start, end);
}
