import { randomUUID } from 'node:crypto';
export { decimalFromCcxt, exchangeSymbol } from './ccxt-entry-fields';
import { positionInputSchema, type Position } from '#api/records';
import { formulaForExchange } from '#core/exchange-formula';
import { dec } from '#shared/decimal';
import { TierProblem, bracketsFromTiers, tiersBySymbol } from './ccxt-leverage-tiers';
import {
  EntryProblem,
  MissingMaintenanceMargin,
  POSITION_FIELD_WORDS,
  decimalFromCcxt,
  maintenanceRate,
  optionalPositive,
  readLeverage,
  readOpenedAt,
  readSymbol,
  required,
  exchangeSymbol,
} from './ccxt-entry-fields';
import type { ServiceContext } from './context';
import { forEachSliced } from './csv-records';
import { issuesOf } from './validation';

// positions.importCcxt: positions as ccxt's fetchPositions() returns them (the unified
// Position structure), saved to a JSON file by the operator and read here. Every entry
// is converted and checked like a position typed into the form; the good entries are
// imported and each bad one is listed with its place in the file and the reason in words.
// Entries with 0 contracts are closed positions and skipped. A maintenance margin rate the
// file leaves out is taken from `defaultMaintenanceMarginPct`, asked once for all entries.
// Symbols are stored the way exchanges write them ("BTC/USDT:USDT" → "BTCUSDT"), and the
// liquidation formula is the exchange's (core/exchange-formula.ts).
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
  rejected: number;
  /** Entries without a maintenance margin rate while no default was given. */
  missingMaintenanceMargin: number;
  message: string;
}

interface CcxtImportParams {
  positions: unknown[];
  account: string;
  exchange?: string | undefined;
  dryRun?: boolean | undefined;
  leverageTiers?: unknown;
  defaultMaintenanceMarginPct?: string | undefined;
}

/** One ccxt Position → our position fields, before the form's checks. `null` = closed (0 contracts). */
function convertEntry(
  raw: unknown,
  params: CcxtImportParams,
  tiers: ReadonlyMap<string, unknown[]>,
  now: Date,
): Record<string, unknown> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new EntryProblem('it is not a position (expected an object from fetchPositions())');
  const entry: Record<string, unknown> = { ...raw };
  const { base, quote, kind } = readSymbol(entry.symbol);
  const contracts = required(entry, 'contracts');
  if (dec(contracts).isZero()) return null;
  const contractSize = decimalFromCcxt(entry.contractSize, 'contractSize');
  // An inverse contract's size is its USD value (e.g. $100); guessing 1 would be 100× off.
  if (contractSize === undefined && kind === 'inverse')
    throw new EntryProblem(
      'the contract size is missing (an inverse contract is worth a fixed USD amount)',
    );
  const side = entry.side;
  if (side !== 'long' && side !== 'short')
    throw new EntryProblem('the side is missing (long or short)');
  const marginMode = entry.marginMode ?? entry.marginType;
  if (marginMode !== 'isolated' && marginMode !== 'cross')
    throw new EntryProblem('the margin mode is missing (isolated or cross)');
  // Isolated: the position's margin. Cross: the position's share of the cross wallet, a
  // conservative stand-in until the account's wallet balance is entered.
  const walletBalance =
    decimalFromCcxt(entry.collateral, 'collateral') ??
    decimalFromCcxt(entry.initialMargin, 'initialMargin');
  if (walletBalance === undefined)
    throw new EntryProblem('the margin behind the position (collateral) is missing');
  const stopLoss = optionalPositive(entry, 'stopLossPrice');
  const takeProfit = optionalPositive(entry, 'takeProfitPrice');
  const reported = optionalPositive(entry, 'liquidationPrice');
  const symbol = String(entry.symbol).trim();
  const symbolTiers = tiers.get(symbol);
  const brackets =
    symbolTiers === undefined ? undefined : bracketsFromTiers(symbolTiers, symbol, decimalFromCcxt);
  const exchange = params.exchange ?? 'ccxt';
  return {
    account: params.account,
    exchange,
    symbol: exchangeSymbol(symbol),
    formula: formulaForExchange(exchange),
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
    maintenanceMarginRate: maintenanceRate(entry, params.defaultMaintenanceMarginPct),
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
): { row: CcxtImportRow; position: Position | null; missingRate: boolean } {
  const named = { index, ...symbolOf(raw) };
  try {
    const converted = convertEntry(raw, params, tiers, now);
    if (converted === null)
      return { row: { ...named, ok: true, skipped: true }, position: null, missingRate: false };
    const parsed = positionInputSchema.safeParse(converted);
    if (!parsed.success) {
      const problems = issuesOf(parsed.error).map((i) =>
        i.path ? `${POSITION_FIELD_WORDS[i.path] ?? i.path}: ${i.message}` : i.message,
      );
      return {
        row: { ...named, ok: false, error: `Position ${index}: ${problems.join(' ')}` },
        position: null,
        missingRate: false,
      };
    }
    const position: Position = {
      ...parsed.data,
      formula: parsed.data.formula ?? 'maintenance-at-liquidation',
      id: `pos-${randomUUID()}`,
    };
    return { row: { ...named, ok: true }, position, missingRate: false };
  } catch (error) {
    if (!(error instanceof EntryProblem || error instanceof TierProblem)) throw error;
    const sentence = error.message.charAt(0).toUpperCase() + error.message.slice(1);
    return {
      row: { ...named, ok: false, error: `Position ${index}: ${sentence}.` },
      position: null,
      missingRate: error instanceof MissingMaintenanceMargin,
    };
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
      rejected: 0,
      missingMaintenanceMargin: 0,
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
  const missingMaintenanceMargin = checked.filter((c) => c.missingRate).length;
  const positions = checked.flatMap((c) => (c.position ? [c.position] : []));
  const skipped = rows.filter((r) => r.skipped).length;
  const skippedNote =
    skipped > 0
      ? ` ${plural(skipped, 'closed position was', 'closed positions were')} skipped.`
      : '';
  const rejectedNote =
    bad > 0
      ? ` ${plural(bad, 'position has a problem and is', 'positions have problems and are')} left out: fix ${bad === 1 ? 'it' : 'them'} and import ${bad === 1 ? 'it' : 'them'} again.`
      : '';
  const counts = { rejected: bad, missingMaintenanceMargin };
  if (params.dryRun || positions.length === 0) {
    const what =
      positions.length === 0
        ? 'there is nothing to import'
        : `${plural(positions.length, 'position is', 'positions are')} ready to import; nothing was stored (dry run)`;
    return {
      rows,
      created: 0,
      ...counts,
      message: `${capitalise(what)}.${rejectedNote}${skippedNote}`,
    };
  }
  await ctx.store.update((db) => {
    db.positions.push(...positions);
  });
  await ctx.changed();
  return {
    rows,
    created: positions.length,
    ...counts,
    message: `${plural(positions.length, 'position', 'positions')} imported.${rejectedNote}${skippedNote}`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
