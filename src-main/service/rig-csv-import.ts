import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import { RpcError } from '#api/errors';
import { rigInputSchema, type Rig } from '#api/records';
import type { ServiceContext } from './context';
import { RIG_CSV_COLUMNS } from './csv-export';
import { knownCoins } from './records';
import { issuesOf } from './validation';

// rigs.importCsv: rigs from a spreadsheet. Every row is checked like a rig typed into the
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

/** Rows with the line each starts on (1 = the header); quoted cells may span lines. */
function parseRows(csv: string): { columns: string[]; rows: ParsedRow[] } {
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const headerEnd = text.indexOf('\n');
  let previousEnd = headerEnd < 0 ? text.length : headerEnd;
  const rows: ParsedRow[] = [];
  let columns: string[] = [];
  Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim(),
    step(result) {
      columns = result.meta.fields ?? columns;
      let start = previousEnd;
      while (text[start] === '\n') start += 1;
      previousEnd = result.meta.cursor;
      const line = 1 + (text.slice(0, start).match(/\n/g)?.length ?? 0);
      const error = result.errors[0];
      rows.push({
        line,
        cells: result.data,
        parseError: error
          ? `the row does not match the header (${error.message.toLowerCase()})`
          : null,
      });
    },
  });
  return { columns, rows };
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
  const { columns, rows } = parseRows(params.csv);
  if (columns.length === 0 || rows.length === 0) {
    throw new RpcError(
      'invalid_params',
      'The CSV holds no rigs: it needs a header row and at least one rig row.',
    );
  }
  checkColumns(columns);
  if (rows.length > MAX_CSV_RIGS) {
    throw new RpcError(
      'too_large',
      `The CSV holds ${rows.length} rows; import at most ${MAX_CSV_RIGS} at a time.`,
    );
  }
  const coins = knownCoins(ctx.store.data.settings);
  const checked = rows.map((row) => checkRow(row, coins));
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
