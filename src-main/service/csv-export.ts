import Papa from 'papaparse';
import type { CsvKind } from '#api/import-export';
import type { Alert, Loan, Position, Rig } from '#api/records';
import { isoDateOf } from '#core/calendar';
import type { ServiceContext } from './context';

// csv.export: one stored collection as a CSV file a spreadsheet opens. Columns are the
// record fields (nested ones as "endpoint.host"); numbers stay the stored decimal
// strings. The rigs file is the one rigs.importCsv reads back.

export const RIG_CSV_COLUMNS = [
  'id',
  'name',
  'model',
  'coin',
  'hashrate',
  'hashrateUnit',
  'powerWatts',
  'quantity',
  'poolFeePct',
  'electricityPerKwh',
  'status',
  'endpoint.host',
  'endpoint.port',
  'purchasePriceUsd',
  'purchasedAt',
  'enteredAt',
  'notes',
] as const;

const LOAN_COLUMNS = [
  'id',
  'lender',
  'principal',
  'currency',
  'aprPct',
  'dayCount',
  'startDate',
  'termMonths',
  'repayment',
  'collateral',
  'marginCallLtvPct',
  'liquidationLtvPct',
  'targetLtvPct',
  'cureWindowHours',
  'preset',
  'rigIds',
] as const;

const POSITION_COLUMNS = [
  'id',
  'account',
  'exchange',
  'symbol',
  'baseAsset',
  'quoteAsset',
  'kind',
  'side',
  'size',
  'entryPrice',
  'leverage',
  'marginMode',
  'walletBalance',
  'maintenanceMarginRate',
  'maintenanceAmount',
  'formula',
  'reportedLiquidationPrice',
  'stopLoss',
  'stopTrigger',
  'takeProfit',
  'openedAt',
] as const satisfies readonly (keyof Position)[];

const ALERT_COLUMNS = [
  'id',
  'rule',
  'severity',
  'level',
  'subjectKind',
  'subjectId',
  'message',
  'value',
  'threshold',
  'raisedAt',
  'escalatedAt',
  'acknowledgedAt',
  'resolvedAt',
] as const satisfies readonly (keyof Alert)[];

type Row = Record<string, string | number | null | undefined>;

/**
 * OWASP's CSV-injection rule: a cell a spreadsheet could run as a formula — one starting
 * with =, +, -, @, a tab or a carriage return, also after any leading whitespace, which
 * spreadsheets skip — is prefixed with a single quote so it opens as text. A plain
 * negative number ("-12.5", exactly as stored) stays a number, as OWASP allows for numeric
 * cells; the same figure with whitespace before it is text and is quoted.
 */
export const FORMULA_START = /^(?:\s*[=+@\t\r]|-(?!\d+(?:\.\d+)?$)|\s+-)/;

function rigRow(rig: Rig): Row {
  const { endpoint, ...fields } = rig;
  return { ...fields, 'endpoint.host': endpoint?.host, 'endpoint.port': endpoint?.port };
}

function loanRow(loan: Loan): Row {
  const { payments: _payments, rigIds, collateral, ...fields } = loan;
  // One cell: "10 BTC;2.5 ETH" (empty for an unsecured loan).
  const pledged = collateral.map((c) => `${c.amount} ${c.asset}`).join(';');
  return { ...fields, collateral: pledged, rigIds: rigIds?.join(';') };
}

function positionRow(position: Position): Row {
  // Brackets are a table of their own; the CSV keeps one row per position.
  const { maintenanceBrackets: _brackets, ...fields } = position;
  return fields;
}

function paymentRows(loans: readonly Loan[]): Row[] {
  return loans.flatMap((loan) =>
    loan.payments.map((p) => ({
      loanId: loan.id,
      lender: loan.lender,
      date: p.date,
      amount: p.amount,
      currency: loan.currency,
    })),
  );
}

function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((c) => row[c] ?? '')) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
}

export function exportCsv(ctx: ServiceContext, kind: CsvKind): { fileName: string; csv: string } {
  const db = ctx.store.data;
  const csv = (() => {
    switch (kind) {
      case 'rigs':
        return toCsv(RIG_CSV_COLUMNS, db.rigs.map(rigRow));
      case 'loans':
        return toCsv(LOAN_COLUMNS, db.loans.map(loanRow));
      case 'payments':
        return toCsv(['loanId', 'lender', 'date', 'amount', 'currency'], paymentRows(db.loans));
      case 'positions':
        return toCsv(POSITION_COLUMNS, db.positions.map(positionRow));
      case 'alerts':
        return toCsv(ALERT_COLUMNS, db.alerts);
    }
  })();
  return { fileName: `rigledger-${kind}-${isoDateOf(ctx.now())}.csv`, csv };
}
