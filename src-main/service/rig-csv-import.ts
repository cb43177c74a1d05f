import { randomUUID } from 'node:crypto';
import { RpcError } from '#api/errors';
import { rigInputSchema, type Rig } from '#api/records';
import { isoDateOf } from '#core/calendar';
import type { ServiceContext } from './context';
import { RIG_CSV_COLUMNS } from './csv-export';
import { forEachSliced, parseCsvCells, splitCsvRecords, type CsvRecord } from './csv-records';
import { knownCoins } from './records';
import { issuesOf } from './validation';

// rigs.importCsv: rigs from a spreadsheet. Every row is checked like a rig typed into the
// form; the good rows are imported and each bad row is reported with its line number and
// a sentence, and handed back as a CSV of its own (`rejectedCsv`) to fix and import again.
// The "id" column of an exported file is ignored: imported rigs get new ids.

export const MAX_CSV_RIGS = 5_000;

const REQUIRED_COLUMNS = [
  'name',
  'coin',
  'hashrate',
  'hashrateUnit',
  'powerWatts',
  'quantity',
] as const;

export interface RigCsvRow {
  line: number;
  ok: boolean;
  name?: string;
  error?: string;
}

export interface RigCsvResult {
  rows: RigCsvRow[];
  created: number;
  /** Rows left out for a problem (listed in `rows` with their reason). */
  rejected: number;
  /** The header and the rejected rows as they were in the file, to fix and import again. */
  rejectedCsv?: string;
  message: string;
}

/** The columns in the words of the rig form, for the sentences a bad row gets. */
const COLUMN_LABELS: Record<string, string> = {
  name: 'Name',
  model: 'Model',
  coin: 'Coin',
  hashrate: 'Hash rate',
  hashrateUnit: 'Hash rate unit',
  powerWatts: 'Power (W)',
  quantity: 'Quantity',
  poolFeePct: 'Pool fee (%)',
  electricityPerKwh: 'Electricity ($/kWh)',
  status: 'Status',
  endpoint: 'Address',
  'endpoint.host': 'Host',
  'endpoint.port': 'Port',
  purchasePriceUsd: 'Purchase price (USD)',
  purchasedAt: 'Purchased on',
  enteredAt: 'Entered on',
  notes: 'Notes',
};

export function columnLabel(path: string): string {
  return COLUMN_LABELS[path] ?? path;
}

interface ParsedRow {
  line: number;
  cells: Record<string, string>;
  parseError: string | null;
}

function parseRow(record: CsvRecord, columns: readonly string[]): ParsedRow {
  const { cells, error } = parseCsvCells(record.text);
  const byColumn: Record<string, string> = {};
  columns.forEach((column, i) => {
    const cell = cells[i];
    if (cell !== undefined) byColumn[column] = cell;
  });
  const mismatch =
    cells.length < columns.length
      ? `too few fields: expected ${columns.length} fields but parsed ${cells.length}`
      : cells.length > columns.length
        ? `too many fields: expected ${columns.length} fields but parsed ${cells.length}`
        : error;
  return {
    line: record.line,
    cells: byColumn,
    parseError: mismatch === null ? null : `the row does not match the header (${mismatch})`,
  };
}

function checkColumns(columns: readonly string[]): void {
  const known: readonly string[] = RIG_CSV_COLUMNS;
  const unknown = columns.filter((c) => !known.includes(c));
  if (unknown.length > 0) {
    throw new RpcError(
      'invalid_params',
      `The CSV has column${unknown.length > 1 ? 's' : ''} RigLedger does not know: ${unknown.map((c) => `"${c}"`).join(', ')}. ` +
        `The columns are ${RIG_CSV_COLUMNS.join(', ')}; nothing was imported.`,
    );
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new RpcError(
      'invalid_params',
      `The CSV has no ${missing.map((c) => `"${c}"`).join(', ')} column${missing.length > 1 ? 's' : ''}; nothing was imported.`,
    );
  }
}

const WHOLE_NUMBER = /^\d+$/;

/** CSV cells (all text) → the shape the rig form sends; empty cells are left out. */
function rigInputFromCells(cells: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const endpoint: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(cells)) {
    if (typeof raw !== 'string') continue;
    const value = raw.trim();
    if (value === '' || column === 'id') continue;
    if (column === 'endpoint.host') endpoint.host = value;
    else if (column === 'endpoint.port')
      endpoint.port = WHOLE_NUMBER.test(value) ? Number(value) : value;
    else if (column === 'quantity')
      input.quantity = WHOLE_NUMBER.test(value) ? Number(value) : value;
    else input[column] = value;
  }
  if (Object.keys(endpoint).length > 0) input.endpoint = endpoint;
  return input;
}

function checkRow(
  row: ParsedRow,
  coins: readonly string[],
): { result: RigCsvRow; rig: Rig | null } {
  const nameCell = row.cells.name?.trim();
  const named = nameCell ? { name: nameCell } : {};
  if (row.parseError !== null)
    return {
      result: {
        line: row.line,
        ok: false,
        ...named,
        error: `Line ${row.line}: ${row.parseError}.`,
      },
      rig: null,
    };
  const parsed = rigInputSchema.safeParse(rigInputFromCells(row.cells));
  if (!parsed.success) {
    const problems = issuesOf(parsed.error).map((i) =>
      i.path ? `${columnLabel(i.path)}: ${i.message}` : i.message,
    );
    return {
      result: {
        line: row.line,
        ok: false,
        ...named,
        error: `Line ${row.line}: ${problems.join(' ')}`,
      },
      rig: null,
    };
  }
  if (!coins.includes(parsed.data.coin)) {
    const error = `Line ${row.line}: the coin "${parsed.data.coin}" is unknown; use one of ${coins.join(', ')}, or add it under Settings → Coins first.`;
    return { result: { line: row.line, ok: false, ...named, error }, rig: null };
  }
  return {
    result: { line: row.line, ok: true, name: parsed.data.name },
    rig: { ...parsed.data, id: `rig-${randomUUID()}` },
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function importMessage(ok: number, bad: number, dryRun: boolean): string {
  const leftOut =
    bad === 0
      ? ''
      : ` ${plural(bad, 'row has a problem and was', 'rows have problems and were')} left out: fix ${bad === 1 ? 'it' : 'them'} and import ${bad === 1 ? 'it' : 'them'} again.`;
  if (ok === 0)
    return bad === 1
      ? 'The row cannot be imported; fix the problem listed and try again.'
      : `None of the ${bad} rows can be imported; fix the problems listed and try again.`;
  if (dryRun)
    return bad === 0
      ? `All ${plural(ok, 'row is', 'rows are')} ready to import; nothing was stored (dry run).`
      : `${plural(ok, 'row is', 'rows are')} ready to import; ${plural(bad, 'row has a problem', 'rows have problems')} and will be left out (dry run, nothing stored).`;
  return `${plural(ok, 'rig', 'rigs')} imported.${leftOut}`;
}

export async function importRigsCsv(
  ctx: ServiceContext,
  params: { csv: string; dryRun?: boolean | undefined },
): Promise<RigCsvResult> {
  // Counted before anything is parsed: an over-long file is refused at once.
  const { header, records } = splitCsvRecords(params.csv);
  const columns = header === '' ? [] : parseCsvCells(header).cells.map((c) => c.trim());
  if (columns.length === 0 || records.length === 0) {
    throw new RpcError(
      'invalid_params',
      'The CSV holds no rigs: it needs a header row and at least one rig row.',
    );
  }
  if (records.length > MAX_CSV_RIGS) {
    throw new RpcError(
      'too_large',
      `The CSV holds ${records.length} rows; import at most ${MAX_CSV_RIGS} at a time (split the file).`,
    );
  }
  checkColumns(columns);
  const coins = knownCoins(ctx.store.data.settings);
  const checked: ReturnType<typeof checkRow>[] = [];
  await forEachSliced(records, (record) => {
    checked.push(checkRow(parseRow(record, columns), coins));
  });
  const results = checked.map((c) => c.result);
  const rejectedLines = records.filter((_, i) => !results[i]!.ok).map((r) => r.text);
  const rejected = rejectedLines.length;
  const rejectedCsv = rejected === 0 ? {} : { rejectedCsv: [header, ...rejectedLines].join('\n') };
  // Rigs entered today count in the books from today unless the file gives a purchase date.
  const today = isoDateOf(ctx.now());
  const rigs = checked.flatMap((c) =>
    c.rig ? [c.rig.purchasedAt === undefined ? { enteredAt: today, ...c.rig } : c.rig] : [],
  );
  const dryRun = params.dryRun === true || rigs.length === 0;
  if (!dryRun) {
    await ctx.store.update((db) => {
      db.rigs.push(...rigs);
    });
    await ctx.changed();
  }
  return {
    rows: results,
    created: dryRun ? 0 : rigs.length,
    rejected,
    ...rejectedCsv,
    message: importMessage(rigs.length, rejected, params.dryRun === true),
  };
}
