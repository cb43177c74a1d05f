import type { Position, Settings } from '#api/records';
import type { PositionStatus } from '#api/snapshot';
import { type Dec, HUNDRED, dec } from '#shared/decimal';
import { sideSign } from './positions';

// What the dashboard shows next to a position (SPEC §6 "Position figures").

/** Initial margin: Q·EP/leverage in quote units (linear) or C/(EP·leverage) in coin (inverse). */
export function initialMargin(p: Pick<Position, 'kind' | 'size' | 'entryPrice' | 'leverage'>): Dec {
  const size = dec(p.size);
  const ep = dec(p.entryPrice);
  const notional = p.kind === 'inverse' ? size.div(ep) : size.mul(ep);
  return notional.div(dec(p.leverage));
}

/** Return on equity in percent. */
export function roePct(
  p: Pick<Position, 'kind' | 'size' | 'entryPrice' | 'leverage'>,
  pnl: Dec,
): Dec | null {
  // SPEC §6: ROE % = uPnL / (Q·EP/leverage) × 100.
  const margin = initialMargin(p);
  return margin.gt(0) ? pnl.div(margin).mul(HUNDRED) : null;
}

/** uPnL in USD: linear PnL is in the quote asset; inverse PnL is in the coin, worth the base price. */
export function unrealizedPnlUsd(
  p: Pick<Position, 'kind'>,
  pnl: Dec,
  baseUsd: Dec | null,
  quoteUsd: Dec | null,
): Dec | null {
  const rate = p.kind === 'inverse' ? baseUsd : quoteUsd;
  return rate === null ? null : pnl.mul(rate);
}

/** Position value in USD: Q × base price (linear) or the contract value C (inverse). */
export function notionalUsd(p: Pick<Position, 'kind' | 'size'>, baseUsd: Dec | null): Dec | null {
  if (p.kind === 'inverse') return dec(p.size);
  return baseUsd === null ? null : dec(p.size).mul(baseUsd);
}

/** How far the mark may move against the position before liquidation, in percent of the mark. */
export function distanceToLiquidationPct(
  side: Position['side'],
  mark: Dec,
  lp: Dec | null,
): Dec | null {
  // SPEC §6: distance to liquidation % = s·(P − LP)/P × 100.
  if (lp === null || mark.lte(0)) return null;
  return sideSign(side).mul(mark.minus(lp)).div(mark).mul(HUNDRED);
}

/** How far the mark is from the stop, in percent of the mark. */
export function stopDistancePct(side: Position['side'], mark: Dec, stop: Dec | null): Dec | null {
  // SPEC §6: stop distance % = s·(P − stop)/P × 100.
  if (stop === null || mark.lte(0)) return null;
  return sideSign(side).mul(mark.minus(stop)).div(mark).mul(HUNDRED);
}

/** A stop the liquidation would reach first: at/below LP for a long, at/above LP for a short. */
export function stopPastLiquidation(
  side: Position['side'],
  stop: Dec | null,
  lp: Dec | null,
): boolean {
  if (stop === null || lp === null) return false;
  return side === 'long' ? stop.lte(lp) : stop.gte(lp);
}

/** Gap between our liquidation price and the exchange's, in percent of the exchange's (absolute). */
export function reportedGapPct(lp: Dec | null, reported: Dec | null): Dec | null {
  if (lp === null || reported === null || reported.lte(0)) return null;
  return lp.minus(reported).abs().div(reported).mul(HUNDRED);
}

/** Status band; 'unknown' without a mark. */
export function positionStatus(
  side: Position['side'],
  mark: Dec | null,
  lp: Dec | null,
  stopIsPastLiquidation: boolean,
  thresholds: Pick<Settings['thresholds'], 'positionWarningPct' | 'positionCriticalPct'>,
): PositionStatus {
  if (mark === null) return 'unknown';
  const distance = distanceToLiquidationPct(side, mark, lp);
  // SPEC §6: breached past LP; danger ≤ critical; warning ≤ warning threshold or stop past LP; else safe.
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
