import Papa from 'papaparse';
import { pauseEvery } from '#store/slices';

// A CSV file cut into records before anything is parsed: one linear pass that respects
// quoted cells spanning lines, so a file can be counted (and refused when too long) at
// once, and parsed record by record in small batches that leave the event loop free.

export interface CsvRecord {
  /** Line of the file the record starts on (1 = the header). */
  line: number;
  text: string;
}

export interface CsvRecords {
  header: string;
  /** Records after the header; lines holding only whitespace or commas are left out. */
  records: CsvRecord[];
}

const BLANK = /^[\s,]*$/;

export function splitCsvRecords(csv: string): CsvRecords {
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  let header: string | null = null;
  let inQuotes = false;
  let start = 0;
  let line = 1;
  let startLine = 1;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    if (header === null) {
      if (!BLANK.test(raw)) header = raw;
    } else if (!BLANK.test(raw)) {
      records.push({ line: startLine, text: raw });
    }
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) inQuotes = !inQuotes;
    else if (ch === 10 /* \n */) {
      if (!inQuotes) {
        push(i);
        start = i + 1;
        startLine = line + 1;
      }
      line += 1;
    }
  }
  push(text.length);
  return { header: header ?? '', records };
}

/** One line of cells; `null` when the text is not one well-formed CSV record. */
export function parseCsvCells(text: string): { cells: string[]; error: string | null } {
  // Delimiter and line break given: Papa would otherwise try every delimiter on each call.
  const result = Papa.parse<string[]>(text, { header: false, delimiter: ',', newline: '\n' });
  const error = result.errors[0];
  const cells = result.data.flat();
  return { cells, error: error ? error.message.toLowerCase() : null };
}

/** Lets other requests run between batches of work. */
export { SLICE_MS, yieldToEventLoop } from '#store/slices';

/** Runs `each` over `items`, giving the event loop a turn every SLICE_MS of work. */
export async function forEachSliced<T>(
  items: readonly T[],
  each: (item: T) => void,
): Promise<void> {
  const pause = pauseEvery();
  for (const item of items) {
    await pause();
    each(item);
  }
}
