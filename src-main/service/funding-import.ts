import type { FundingImportParams, FundingImportResult, FundingPayment } from '#api/funding';
import type { Position } from '#api/records';
import { dec } from '#shared/decimal';
import { EntryProblem, decimalFromCcxt } from './ccxt-entry-fields';
import type { ServiceContext } from './context';
import { findPosition, fundingPayment, settlementAsset } from './funding';

// funding.import: a position's funding payments as ccxt's fetchFundingHistory() returns
// them ({ id, symbol, code, timestamp, datetime, amount }, amount positive when received),
// saved to a JSON file by the operator. A payment already stored — the same exchange id,
// or for an entry without one the same time — is not stored again, so importing the same
// file twice counts each payment once. Any bad entry stores nothing (all or nothing);
// payments of another symbol are skipped, left for that symbol's position. A payment typed
// by hand earlier is recognised too: same position, same amount, within a minute of the
// settlement time (docs/formulas-positions.md "Funding"); the typed one is kept.

/** How far a hand-typed payment's time may be from the exchange's settlement time. */
export const MANUAL_MATCH_WINDOW_MS = 60_000;

interface TypedPayment {
  id: string;
  t: number;
  amount: string;
}

/** The first hand-typed payment not yet matched with this amount near this time. */
function typedMatch(
  typed: readonly TypedPayment[],
  matched: Set<string>,
  entry: { at: string; amount: string },
): TypedPayment | undefined {
  const t = Date.parse(entry.at);
  return typed.find(
    (p) =>
      !matched.has(p.id) &&
      Math.abs(p.t - t) <= MANUAL_MATCH_WINDOW_MS &&
      dec(p.amount).eq(dec(entry.amount)),
  );
}

type Row = FundingImportResult['rows'][number];

/** "BTC/USDT:USDT" → BTC, USDT; a spot-style "BTC/USDT" too. */
function symbolAssets(symbol: string): { base: string; quote: string } | null {
  const match = /^([A-Z0-9]+)\/([A-Z0-9]+)(?::[A-Z0-9-]+)?$/i.exec(symbol.trim());
  return match ? { base: match[1]!.toUpperCase(), quote: match[2]!.toUpperCase() } : null;
}

function readTime(entry: Record<string, unknown>): string {
  if (
    typeof entry.timestamp === 'number' &&
    Number.isFinite(entry.timestamp) &&
    entry.timestamp > 0
  )
    return new Date(entry.timestamp).toISOString();
  if (typeof entry.datetime === 'string' && !Number.isNaN(Date.parse(entry.datetime)))
    return new Date(Date.parse(entry.datetime)).toISOString();
  throw new EntryProblem('it has no timestamp or datetime');
}

function externalIdOf(entry: Record<string, unknown>, at: string): string {
  const id = entry.id;
  if ((typeof id === 'string' && id.trim() !== '') || typeof id === 'number')
    return String(id).trim().slice(0, 200);
  return `t:${at}`;
}

interface Converted {
  at: string;
  amount: string;
  externalId: string;
}

/** One ccxt entry → a payment's fields; null for another symbol's payment. */
function convert(raw: unknown, position: Position, now: Date): Converted | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new EntryProblem('it is not a funding payment object');
  const entry: Record<string, unknown> = { ...raw };
  if (typeof entry.symbol === 'string') {
    const assets = symbolAssets(entry.symbol);
    if (assets === null)
      throw new EntryProblem(
        `symbol "${entry.symbol}" is not a ccxt symbol such as "BTC/USDT:USDT"`,
      );
    if (
      assets.base !== position.baseAsset.toUpperCase() ||
      assets.quote !== position.quoteAsset.toUpperCase()
    )
      return null;
  }
  const asset = settlementAsset(position);
  if (typeof entry.code === 'string' && entry.code.toUpperCase() !== asset.toUpperCase())
    throw new EntryProblem(`it is paid in ${entry.code}, but this position settles in ${asset}`);
  const amount = decimalFromCcxt(entry.amount, 'amount');
  if (amount === undefined) throw new EntryProblem('amount is missing');
  if (dec(amount).abs().gt('1e15')) throw new EntryProblem(`amount ${amount} is not believable`);
  const at = readTime(entry);
  if (Date.parse(at) > now.getTime()) throw new EntryProblem(`it is dated ${at}, in the future`);
  return { at, amount, externalId: externalIdOf(entry, at) };
}

export async function importFunding(
  ctx: ServiceContext,
  params: FundingImportParams,
): Promise<FundingImportResult> {
  const position = findPosition(ctx, params.positionId);
  const now = ctx.now();
  const known = new Set(
    ctx.store.data.fundingPayments
      .filter((p) => p.positionId === position.id && p.externalId !== undefined)
      .map((p) => p.externalId),
  );
  const typed: TypedPayment[] = ctx.store.data.fundingPayments
    .filter((p) => p.positionId === position.id && p.origin === 'manual')
    .map((p) => ({ id: p.id, t: Date.parse(p.at), amount: p.amount }));
  const matched = new Set<string>();
  const rows: Row[] = [];
  const payments: FundingPayment[] = [];
  params.history.forEach((raw, i) => {
    const index = i + 1;
    try {
      const converted = convert(raw, position, now);
      const typedOne = converted === null ? undefined : typedMatch(typed, matched, converted);
      if (converted === null) {
        rows.push({ index, ok: true, skipped: true });
      } else if (known.has(converted.externalId)) {
        rows.push({ index, ok: true, duplicate: true });
      } else if (dec(converted.amount).isZero()) {
        rows.push({ index, ok: true, skipped: true });
      } else if (typedOne !== undefined) {
        matched.add(typedOne.id);
        rows.push({ index, ok: true, duplicate: true, matchedManual: true });
      } else {
        known.add(converted.externalId);
        payments.push(fundingPayment(ctx, position, { ...converted, origin: 'ccxt' }));
        rows.push({ index, ok: true });
      }
    } catch (error) {
      if (!(error instanceof EntryProblem)) throw error;
      rows.push({ index, ok: false, error: `Payment ${index}: ${error.message}.` });
    }
  });
  const bad = rows.filter((r) => !r.ok).length;
  const duplicates = rows.filter((r) => r.duplicate).length;
  const skipped = rows.filter((r) => r.skipped).length;
  const matchedManual = rows.filter((r) => r.matchedManual).length;
  const notes = [
    duplicates > 0
      ? `${duplicates} already recorded${matchedManual > 0 ? `, ${matchedManual} of them typed by hand` : ''}`
      : '',
    skipped > 0 ? `${skipped} for another symbol or of zero skipped` : '',
  ].filter((n) => n !== '');
  const tail = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  if (bad > 0) {
    return {
      rows,
      created: 0,
      duplicates,
      matchedManual,
      message: `${bad} of ${rows.length} payments ${bad === 1 ? 'has a problem' : 'have problems'}; nothing was imported.`,
    };
  }
  if (params.dryRun || payments.length === 0) {
    const what = params.dryRun ? 'nothing was stored (dry run)' : 'there was nothing new to import';
    return {
      rows,
      created: 0,
      duplicates,
      matchedManual,
      message: `${payments.length} new payments are valid; ${what}${tail}.`,
    };
  }
  await ctx.store.update((db) => {
    db.fundingPayments.push(...payments);
  });
  await ctx.changed();
  return {
    rows,
    created: payments.length,
    duplicates,
    matchedManual,
    message: `${payments.length} funding payments imported${tail}.`,
  };
}
