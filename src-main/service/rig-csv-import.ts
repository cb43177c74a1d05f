import { randomUUID } from 'node:crypto';
import { RpcError } from '#api/errors';
import { rigInputSchema, type Rig } from '#api/records';
import type { ServiceContext } from './context';
import { RIG_CSV_COLUMNS } from './csv-export';
import { forEachSliced, parseCsvCells, splitCsvRecords, type CsvRecord } from './csv-records';
import { knownCoins } from './records';
import { issuesOf } from './validation';

// import.rigsCsv: rigs from a spreadsheet. Every row is checked like a rig typed into the
// form; each bad row is reported with its line number and a sentence, and a file with
// any bad row stores nothing (all or nothing). The "id" column of an exported file is
// ignored: imported rigs get new ids.

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
  message: string;
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
      i.path ? `${i.path}: ${i.message}` : i.message,
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
  const bad = results.filter((r) => !r.ok).length;
  if (bad > 0) {
    return {
      rows: results,
      created: 0,
      message: `${bad} of ${results.length} rows ${bad === 1 ? 'has a problem' : 'have problems'}; nothing was imported.`,
    };
  }
  if (params.dryRun) {
    return {
      rows: results,
      created: 0,
      message: `All ${results.length} rows are valid; nothing was stored (dry run).`,
    };
  }
  const rigs = checked.flatMap((c) => (c.rig ? [c.rig] : []));
  await ctx.store.update((db) => {
    db.rigs.push(...rigs);
  });
  await ctx.changed();
  return { rows: results, created: rigs.length, message: `${rigs.length} rigs imported.` };
}
