import type { Position, Settings } from '#api/records';
import type { PositionStatus } from '#api/snapshot';
import { type Dec, HUNDRED, dec } from '#shared/decimal';
import { sideSign } from './positions';
import type { LiquidationDirection } from './positions-liquidation';

// What the dashboard shows next to a position (docs/formulas-positions.md "Position figures").

type MarginTerms = Pick<Position, 'kind' | 'size' | 'entryPrice' | 'leverage' | 'formula'>;

/**
 * Initial margin as the position's exchange style measures it, in quote units (linear) or
 * coin (inverse): Binance style at the mark (Q·P/leverage; C/(P·leverage)), Bybit style at
 * entry (Q·EP/leverage; C/(EP·leverage)).
 */
export function initialMargin(p: MarginTerms, mark: Dec): Dec {
  // docs/formulas-positions.md "ROE": Binance divides by the margin at the mark, Bybit at entry.
  const price = p.formula === 'maintenance-at-entry' ? dec(p.entryPrice) : mark;
  const size = dec(p.size);
  const notional = p.kind === 'inverse' ? size.div(price) : size.mul(price);
  return notional.div(dec(p.leverage));
}

/** Return on equity in percent: uPnL ÷ initial margin × 100. */
export function roePct(p: MarginTerms, pnl: Dec, mark: Dec): Dec | null {
  // docs/formulas-positions.md "ROE": ROE % = uPnL / initial margin (by style) × 100.
  const margin = initialMargin(p, mark);
  return margin.gt(0) ? pnl.div(margin).mul(HUNDRED) : null;
}

/** An amount in the position's margin asset (quote for linear, coin for inverse) in USD. */
export function marginAssetUsd(
  p: Pick<Position, 'kind'>,
  amount: Dec,
  baseUsd: Dec | null,
  quoteUsd: Dec | null,
): Dec | null {
  const rate = p.kind === 'inverse' ? baseUsd : quoteUsd;
  return rate === null ? null : amount.mul(rate);
}

/** uPnL in USD: linear PnL is in the quote asset; inverse PnL is in the coin, worth the base price. */
export function unrealizedPnlUsd(
  p: Pick<Position, 'kind'>,
  pnl: Dec,
  baseUsd: Dec | null,
  quoteUsd: Dec | null,
): Dec | null {
  return marginAssetUsd(p, pnl, baseUsd, quoteUsd);
}

/** Position value in USD: Q × base price (linear) or the contract value C (inverse). */
export function notionalUsd(p: Pick<Position, 'kind' | 'size'>, baseUsd: Dec | null): Dec | null {
  if (p.kind === 'inverse') return dec(p.size);
  return baseUsd === null ? null : dec(p.size).mul(baseUsd);
}

/** +1 when a fall liquidates, −1 when a rise does (a long's and a short's usual sides). */
/** How far the mark may move toward liquidation before it is reached, in percent of the mark. */
export function distanceToLiquidationPct(
  direction: LiquidationDirection | null,
  mark: Dec,
  lp: Dec | null,
): Dec | null {
  // docs/formulas-positions.md "Distance": d·(P − LP)/P × 100, d = +1 when a fall liquidates.
  if (lp === null || direction === null || mark.lte(0)) return null;
  // d = ±1: a sign change gives d·(P − LP) exactly, one product fewer (a chart computes
  // this at every point of a year).
  const gap = mark.minus(lp);
  return (direction === 'fall' ? gap : gap.neg()).div(mark).mul(HUNDRED);
}

/** How far the mark is from the stop, in percent of the mark. */
export function stopDistancePct(side: Position['side'], mark: Dec, stop: Dec | null): Dec | null {
  // docs/formulas-positions.md "Stop distance": s·(P − stop)/P × 100.
  if (stop === null || mark.lte(0)) return null;
  return sideSign(side).mul(mark.minus(stop)).div(mark).mul(HUNDRED);
}

/**
 * A stop the liquidation would reach first: at/below LP for a long, at/above LP for a
 * short — only when liquidation lies the way the stop guards (a net-long account's short
 * leg stops out on a rise, which never liquidates it).
 */
export function stopPastLiquidation(
  side: Position['side'],
  stop: Dec | null,
  lp: Dec | null,
  direction: LiquidationDirection | null,
): boolean {
  if (stop === null || lp === null || direction === null) return false;
  if (direction !== (side === 'long' ? 'fall' : 'rise')) return false;
  return side === 'long' ? stop.lte(lp) : stop.gte(lp);
}

/** Gap between our liquidation price and the exchange's, in percent of the exchange's (absolute). */
export function reportedGapPct(lp: Dec | null, reported: Dec | null): Dec | null {
  if (lp === null || reported === null || reported.lte(0)) return null;
  return lp.minus(reported).abs().div(reported).mul(HUNDRED);
}

/** Status band; 'unknown' without a mark. A position that cannot exist is judged elsewhere. */
export function positionStatus(
  direction: LiquidationDirection | null,
  mark: Dec | null,
  lp: Dec | null,
  stopIsPastLiquidation: boolean,
  thresholds: Pick<Settings['thresholds'], 'positionWarningPct' | 'positionCriticalPct'>,
): PositionStatus {
  if (mark === null) return 'unknown';
  const distance = distanceToLiquidationPct(direction, mark, lp);
  // docs/formulas-positions.md "Status": breached past LP; danger ≤ critical; warning ≤ warning or stop past LP.
  if (distance !== null && distance.lte(0)) return 'breached';
  if (distance !== null && distance.lte(dec(thresholds.positionCriticalPct))) return 'danger';
  if (
    stopIsPastLiquidation ||
    (distance !== null && distance.lte(dec(thresholds.positionWarningPct)))
  ) {
    return 'warning';
  }
  return 'safe';
}
