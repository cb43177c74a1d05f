import { randomUUID } from 'node:crypto';
import { positionInputSchema, type Position } from '#api/records';
import { D, DECIMAL_PATTERN, dec } from '#shared/decimal';
import { TierProblem, bracketsFromTiers, tiersBySymbol } from './ccxt-leverage-tiers';
import type { ServiceContext } from './context';
import { forEachSliced } from './csv-records';
import { issuesOf } from './validation';

// positions.importCcxt: positions as ccxt's fetchPositions() returns them (the unified
// Position structure), saved to a JSON file by the operator and read here. Every entry
// is converted and checked like a position typed into the form; any bad entry stores
// nothing (all or nothing). Entries with 0 contracts are closed positions and skipped.
// Optional `leverageTiers` (what fetchLeverageTiers() returns) give each position of a
// listed symbol its maintenance brackets.

export interface CcxtImportRow {
  /** 1-based position of the entry in the list. */
  index: number;
  ok: boolean;
  symbol?: string;
  skipped?: boolean;
  error?: string;
}

export interface CcxtImportResult {
  rows: CcxtImportRow[];
  created: number;
  message: string;
}

interface CcxtImportParams {
  positions: unknown[];
  account: string;
  exchange?: string | undefined;
  dryRun?: boolean | undefined;
  leverageTiers?: unknown;
}

/** A ccxt entry that cannot be read; its message completes "Position N: …" or "Payment N: …". */
export class EntryProblem extends Error {}

const EXPONENT_NUMBER = /^-?\d+(?:\.\d+)?e[+-]?\d+$/i;

/**
 * A ccxt number (a JS float, or a numeric string) as a decimal string. String() gives the
 * shortest text that reads back as the same float — the digits the exchange sent — and
 * decimal.js rewrites an exponent form (1e-7) in plain digits.
 */
export function decimalFromCcxt(raw: unknown, field: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new EntryProblem(`${field} is ${String(raw)}, not a number`);
    const text = String(raw);
    return DECIMAL_PATTERN.test(text) ? text : dec(raw).toFixed();
  }
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (DECIMAL_PATTERN.test(text)) return text;
    if (EXPONENT_NUMBER.test(text)) return new D(text).toFixed();
    throw new EntryProblem(`${field} is "${raw}", not a number`);
  }
  throw new EntryProblem(`${field} is not a number`);
}

function required(entry: Record<string, unknown>, field: string): string {
  const value = decimalFromCcxt(entry[field], field);
  if (value === undefined) throw new EntryProblem(`${field} is missing`);
  return value;
}

function optionalPositive(entry: Record<string, unknown>, field: string): string | undefined {
  const value = decimalFromCcxt(entry[field], field);
  return value !== undefined && dec(value).gt(0) ? value : undefined;
}

/** "BTC/USDT:USDT" → linear; "BTC/USD:BTC" (settled in the base coin) → inverse; a dated future "BTC/USD:BTC-261225" too. */
function readSymbol(raw: unknown): { base: string; quote: string; kind: 'linear' | 'inverse' } {
  const match =
    typeof raw === 'string'
      ? /^([A-Z0-9]+)\/([A-Z0-9]+):([A-Z0-9]+)(?:-[A-Z0-9]+)?$/i.exec(raw.trim())
      : null;
  if (!match) {
    throw new EntryProblem(
      `symbol ${typeof raw === 'string' ? `"${raw}"` : 'is missing or'} is not a ccxt derivatives symbol such as "BTC/USDT:USDT"`,
    );
  }
  const [, base = '', quote = '', settle = ''] = match;
  return {
    base: base.toUpperCase(),
    quote: quote.toUpperCase(),
    kind: settle.toUpperCase() === base.toUpperCase() ? 'inverse' : 'linear',
  };
}

function readOpenedAt(entry: Record<string, unknown>, fallback: Date): string {
  if (typeof entry.datetime === 'string' && !Number.isNaN(Date.parse(entry.datetime))) {
    return new Date(Date.parse(entry.datetime)).toISOString();
  }
  if (typeof entry.timestamp === 'number' && Number.isFinite(entry.timestamp))
    return new Date(entry.timestamp).toISOString();
  return fallback.toISOString();
}

function readLeverage(entry: Record<string, unknown>): string {
  const leverage = decimalFromCcxt(entry.leverage, 'leverage');
  if (leverage !== undefined) return leverage;
  // Without a leverage figure, the initial margin rate gives it: 0.1 → 10×.
  const initialRate = decimalFromCcxt(entry.initialMarginPercentage, 'initialMarginPercentage');
  if (initialRate !== undefined && dec(initialRate).gt(0))
    return dec(1).div(dec(initialRate)).toDecimalPlaces(8).toFixed();
  throw new EntryProblem(
    'leverage is missing (and there is no initialMarginPercentage to derive it)',
  );
}

/** One ccxt Position → our position fields, before the form's checks. `null` = closed (0 contracts). */
function convertEntry(
  raw: unknown,
  params: CcxtImportParams,
  tiers: ReadonlyMap<string, unknown[]>,
  now: Date,
): Record<string, unknown> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new EntryProblem('it is not a position object');
  const entry: Record<string, unknown> = { ...raw };
  const { base, quote, kind } = readSymbol(entry.symbol);
  const contracts = required(entry, 'contracts');
  if (dec(contracts).isZero()) return null;
  const contractSize = decimalFromCcxt(entry.contractSize, 'contractSize');
  // An inverse contract's size is its USD value (e.g. $100); guessing 1 would be 100× off.
  if (contractSize === undefined && kind === 'inverse')
    throw new EntryProblem(
      'contractSize is missing (an inverse contract is worth a fixed USD amount)',
    );
  const side = entry.side;
  if (side !== 'long' && side !== 'short')
    throw new EntryProblem('side is missing (long or short)');
  const marginMode = entry.marginMode ?? entry.marginType;
  if (marginMode !== 'isolated' && marginMode !== 'cross')
    throw new EntryProblem('marginMode is missing (isolated or cross)');
  // Isolated: the position's margin. Cross: the position's share of the cross wallet, a
  // conservative stand-in until the account's wallet balance is entered.
  const walletBalance =
    decimalFromCcxt(entry.collateral, 'collateral') ??
    decimalFromCcxt(entry.initialMargin, 'initialMargin');
  if (walletBalance === undefined)
    throw new EntryProblem('collateral is missing (the margin behind the position)');
  const stopLoss = optionalPositive(entry, 'stopLossPrice');
  const takeProfit = optionalPositive(entry, 'takeProfitPrice');
  const reported = optionalPositive(entry, 'liquidationPrice');
  const symbol = String(entry.symbol).trim();
  const symbolTiers = tiers.get(symbol);
  const brackets =
    symbolTiers === undefined ? undefined : bracketsFromTiers(symbolTiers, symbol, decimalFromCcxt);
  return {
    account: params.account,
    exchange: params.exchange ?? 'ccxt',
    symbol,
    baseAsset: base,
    quoteAsset: quote,
    kind,
    side,
    size: dec(contracts)
      .abs()
      .mul(dec(contractSize ?? '1'))
      .toFixed(),
    entryPrice: required(entry, 'entryPrice'),
    leverage: readLeverage(entry),
    marginMode,
    walletBalance,
    maintenanceMarginRate: required(entry, 'maintenanceMarginPercentage'),
    ...(brackets === undefined ? {} : { maintenanceBrackets: brackets }),
    ...(reported === undefined ? {} : { reportedLiquidationPrice: reported }),
    ...(stopLoss === undefined ? {} : { stopLoss }),
    ...(takeProfit === undefined ? {} : { takeProfit }),
    openedAt: readOpenedAt(entry, now),
  };
}

function symbolOf(raw: unknown): { symbol?: string } {
  if (typeof raw !== 'object' || raw === null) return {};
  const symbol: unknown = Reflect.get(raw, 'symbol');
  return typeof symbol === 'string' ? { symbol } : {};
}

function checkEntry(
  raw: unknown,
  index: number,
  params: CcxtImportParams,
  tiers: ReadonlyMap<string, unknown[]>,
  now: Date,
): { row: CcxtImportRow; position: Position | null } {
  const named = { index, ...symbolOf(raw) };
  try {
    const converted = convertEntry(raw, params, tiers, now);
    if (converted === null) return { row: { ...named, ok: true, skipped: true }, position: null };
    const parsed = positionInputSchema.safeParse(converted);
    if (!parsed.success) {
      const problems = issuesOf(parsed.error).map((i) =>
        i.path ? `${i.path}: ${i.message}` : i.message,
      );
      return {
        row: { ...named, ok: false, error: `Position ${index}: ${problems.join(' ')}` },
        position: null,
      };
    }
    return { row: { ...named, ok: true }, position: { ...parsed.data, id: `pos-${randomUUID()}` } };
  } catch (error) {
    if (!(error instanceof EntryProblem || error instanceof TierProblem)) throw error;
    return {
      row: { ...named, ok: false, error: `Position ${index}: ${error.message}.` },
      position: null,
    };
  }
}

export async function importCcxtPositions(
  ctx: ServiceContext,
  params: CcxtImportParams,
): Promise<CcxtImportResult> {
  const now = ctx.now();
  let tiers: Map<string, unknown[]>;
  try {
    tiers = tiersBySymbol(params.leverageTiers);
  } catch (error) {
    if (!(error instanceof TierProblem)) throw error;
    return {
      rows: [],
      created: 0,
      message: `Leverage tiers: ${error.message}; nothing was imported.`,
    };
  }
  // Checked a slice at a time: a long list never holds up other calls.
  const checked: ReturnType<typeof checkEntry>[] = [];
  await forEachSliced(params.positions, (raw) => {
    checked.push(checkEntry(raw, checked.length + 1, params, tiers, now));
  });
  const rows = checked.map((c) => c.row);
  const bad = rows.filter((r) => !r.ok).length;
  const positions = checked.flatMap((c) => (c.position ? [c.position] : []));
  const skipped = rows.filter((r) => r.skipped).length;
  const skippedNote =
    skipped > 0 ? ` ${skipped} closed position${skipped === 1 ? ' was' : 's were'} skipped.` : '';
  if (bad > 0) {
    return {
      rows,
      created: 0,
      message: `${bad} of ${rows.length} positions ${bad === 1 ? 'has a problem' : 'have problems'}; nothing was imported.`,
    };
  }
  if (params.dryRun || positions.length === 0) {
    const what = params.dryRun ? 'nothing was stored (dry run)' : 'there was nothing to import';
    return {
      rows,
      created: 0,
      message: `${positions.length} positions are valid; ${what}.${skippedNote}`,
    };
  }
  await ctx.store.update((db) => {
    db.positions.push(...positions);
  });
  await ctx.changed();
  return {
    rows,
    created: positions.length,
    message: `${positions.length} positions imported.${skippedNote}`,
  };
}
