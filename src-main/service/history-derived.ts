import type { Loan, Position } from '#api/records';
import type { PriceEntry } from '#api/snapshot';
import { loanLedger } from '#core/loan-ledger';
import { collateralHoldings, collateralLtv } from '#core/loans';
import { distanceToLiquidationPct } from '#core/position-figures';
import { markPriceOf } from '#core/position-views';
import { crossWalletKey } from '#core/positions';
import { positionLiquidationTrack } from '#core/positions-wallets';
import { isUsdLike, priceUsdOf } from '#core/prices';
import { type Dec, decStrOrNull } from '#shared/decimal';
import type { HistoryPoint } from '#store/schema';
import type { ServiceContext } from './context';

// A loan's LTV and a position's distance to liquidation at past times (docs/architecture.md
// "History"): not stored, but computed when a chart asks, from the stored price points
// and the record as it is now, by the same core functions as the Snapshot. One point per
// stored price point; none before the record existed. Only the figure asked for is worked
// out: a loan's balance once per day (it reads no price), then its LTV at each price.

const LOAN_LTV = /^loan\.(.+)\.ltvPct$/;
const POSITION_DISTANCE = /^position\.(.+)\.distanceToLiquidationPct$/;

type Bound = Date | string | undefined;

/** The series names computed on request for the records that exist now. */
export function derivedSeriesNames(ctx: ServiceContext): string[] {
  return [
    ...ctx.store.data.loans.map((l) => `loan.${l.id}.ltvPct`),
    ...ctx.store.data.positions.map((p) => `position.${p.id}.distanceToLiquidationPct`),
  ];
}

/** Points of a derived series, or null when `series` is a stored one. */
export function derivedHistory(
  ctx: ServiceContext,
  series: string,
  from: Bound,
  to: Bound,
): HistoryPoint[] | null {
  const loanId = LOAN_LTV.exec(series)?.[1];
  if (loanId !== undefined) {
    const loan = ctx.store.data.loans.find((l) => l.id === loanId);
    return loan === undefined ? [] : loanLtvHistory(ctx, loan, from, to);
  }
  const positionId = POSITION_DISTANCE.exec(series)?.[1];
  if (positionId !== undefined) {
    const position = ctx.store.data.positions.find((p) => p.id === positionId);
    return position === undefined ? [] : positionDistanceHistory(ctx, position, from, to);
  }
  return null;
}

/** Stored points of one asset's price, with their times, looked up forward in time. */
interface PriceTrack {
  asset: string;
  times: number[];
  points: HistoryPoint[];
  index: number;
}

function priceTrack(ctx: ServiceContext, asset: string, to: Bound): PriceTrack {
  const points = ctx.store.history.query(`price.${asset}`, undefined, to);
  return { asset, times: points.map(([iso]) => Date.parse(iso)), points, index: -1 };
}

/**
 * The price an as-of Snapshot would use at `t`: the last point at or before it. Only its
 * dollar figure is read (a recorded price counts however old, as in an as-of Snapshot).
 */
function entryAt(track: PriceTrack, t: number): Pick<PriceEntry, 'usd'> | undefined {
  while (track.index + 1 < track.times.length && track.times[track.index + 1]! <= t)
    track.index += 1;
  const point = track.points[track.index];
  return point === undefined ? undefined : { usd: point[1] };
}

function pricesAt(
  tracks: readonly PriceTrack[],
  t: number,
): Record<string, Pick<PriceEntry, 'usd'>> {
  const prices: Record<string, Pick<PriceEntry, 'usd'>> = {};
  for (const track of tracks) {
    const entry = entryAt(track, t);
    if (entry !== undefined) prices[track.asset] = entry;
  }
  return prices;
}

function timeOf(bound: Bound, fallback: number): number {
  if (bound === undefined) return fallback;
  return typeof bound === 'string' ? Date.parse(bound) : bound.getTime();
}

/** Times of the stored price points of `tracks` within [from, to], oldest first, once each. */
function pointTimes(tracks: readonly PriceTrack[], from: Bound, notBefore: number): number[] {
  const start = Math.max(timeOf(from, Number.NEGATIVE_INFINITY), notBefore);
  // One track is already in order (the store keeps each series sorted by time).
  if (tracks.length === 1)
    return tracks[0]!.times.filter((t, i, all) => t >= start && (i === 0 || all[i - 1] !== t));
  const times = new Set<number>();
  for (const track of tracks) for (const t of track.times) if (t >= start) times.add(t);
  return [...times].sort((a, b) => a - b);
}

function loanLtvHistory(ctx: ServiceContext, loan: Loan, from: Bound, to: Bound): HistoryPoint[] {
  const assets = [...new Set(loan.collateral.map((c) => c.asset))].filter((a) => !isUsdLike(a));
  const tracks = assets.map((asset) => priceTrack(ctx, asset, to));
  const outstandingByDay = new Map<string, Dec>();
  // A loan exists from its start date (the Snapshot of a past day counts it from then).
  const out: HistoryPoint[] = [];
  for (const t of pointTimes(tracks, from, Date.parse(`${loan.startDate}T00:00:00Z`))) {
    const asOf = new Date(t);
    const day = asOf.toISOString().slice(0, 10);
    let outstanding = outstandingByDay.get(day);
    if (outstanding === undefined) {
      outstanding = loanLedger(loan, asOf).outstanding;
      outstandingByDay.set(day, outstanding);
    }
    const prices = pricesAt(tracks, t);
    const holdings = collateralHoldings(loan.collateral, (asset) => priceUsdOf(asset, prices));
    const ltv = decStrOrNull(collateralLtv(outstanding, holdings).ltvPct);
    if (ltv !== null) out.push([asOf.toISOString(), ltv]);
  }
  return out;
}

function positionDistanceHistory(
  ctx: ServiceContext,
  position: Position,
  from: Bound,
  to: Bound,
): HistoryPoint[] {
  // A cross position's liquidation price depends on the others in its wallet.
  const wallet =
    position.marginMode === 'cross'
      ? ctx.store.data.positions.filter(
          (p) =>
            p.id !== position.id &&
            p.marginMode === 'cross' &&
            crossWalletKey(p) === crossWalletKey(position),
        )
      : [];
  const assets = new Set<string>();
  for (const p of [position, ...wallet])
    for (const asset of [p.baseAsset, p.quoteAsset]) if (!isUsdLike(asset)) assets.add(asset);
  const notBefore = Date.parse(position.openedAt);
  // With one priced asset (a USD-quoted position alone in its margin), each point's price
  // is its own: nothing before the first point asked for is read.
  const onlyOwn = assets.size === 1;
  const start = Math.max(timeOf(from, Number.NEGATIVE_INFINITY), notBefore);
  const series = Object.fromEntries(
    [...assets].map((asset) => [
      asset,
      ctx.store.history.query(
        `price.${asset}`,
        onlyOwn && Number.isFinite(start) ? new Date(start) : undefined,
        to,
      ),
    ]),
  );
  return positionDistancePoints(position, wallet, series, from, notBefore);
}

/**
 * A position's distance to liquidation at each stored point of its own prices from
 * `from` (and not before `notBefore`, its opening), given the stored price points of every
 * asset it and its cross wallet read (`series`, by asset). As the Snapshot of each moment
 * would say (core `positionRisks`), but the liquidation price is worked out once for each
 * stretch in which the wallet's open positions stay the same, unless other symbols share
 * the margin (`positionLiquidationTrack`).
 */
export function positionDistancePoints(
  position: Position,
  wallet: readonly Position[],
  series: Readonly<Record<string, HistoryPoint[]>>,
  from: Bound,
  notBefore: number,
): HistoryPoint[] {
  const tracks = Object.entries(series).map(([asset, points]): PriceTrack => ({
    asset,
    times: points.map(([iso]) => Date.parse(iso)),
    points,
    index: -1,
  }));
  const own = tracks.filter(
    (t) => t.asset === position.baseAsset || t.asset === position.quoteAsset,
  );
  // The wallet members open at t, in the order of the store, as the Snapshot sees them.
  const members = wallet.map((p) => ({ p, openedAt: Date.parse(p.openedAt) }));
  let open: Position[] | null = null;
  let liquidationAt: ReturnType<typeof positionLiquidationTrack> | null = null;
  const out: HistoryPoint[] = [];
  for (const t of pointTimes(own, from, notBefore)) {
    const nowOpen = members.filter((m) => m.openedAt <= t).map((m) => m.p);
    if (open === null || !sameMembers(open, nowOpen) || liquidationAt === null) {
      open = nowOpen;
      liquidationAt = positionLiquidationTrack(position, [position, ...open]);
    }
    const prices = pricesAt(tracks, t);
    const mark = markPriceOf(position, prices);
    if (mark === null) continue;
    // As the Snapshot's position row: the wallet's liquidation price at these marks.
    const liquidation = liquidationAt((p) => (p === position ? mark : markPriceOf(p, prices)));
    const distance = decStrOrNull(
      distanceToLiquidationPct(liquidation?.direction ?? null, mark, liquidation?.price ?? null),
    );
    if (distance !== null) out.push([new Date(t).toISOString(), distance]);
  }
  return out;
}

function sameMembers(a: readonly Position[], b: readonly Position[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}
