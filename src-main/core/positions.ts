import type { Position } from '#api/records';
import { type Dec, ONE, ZERO, dec } from '#shared/decimal';
import { maintenanceTiers, notionalAt, tierAt } from './positions-brackets';
import { legsLiquidation } from './positions-liquidation';

// Liquidation prices, PnL and maintenance margin of one position
// (docs/formulas-positions.md). Notation: Q = |size|, EP = entry, P = mark, s = +1 long /
// −1 short, MMR = maintenance margin rate, cum = maintenance amount, WB = wallet balance
// (quote units; coin for inverse). Hedge-mode groups: positions-wallets.ts.

export type PositionTerms = Pick<
  Position,
  | 'kind'
  | 'side'
  | 'size'
  | 'entryPrice'
  | 'leverage'
  | 'marginMode'
  | 'walletBalance'
  | 'maintenanceMarginRate'
  | 'maintenanceAmount'
  | 'maintenanceBrackets'
  | 'formula'
>;

/** The other cross positions of the same wallet, at current marks (Binance TMM and UPNL). */
export interface CrossOthers {
  maintenanceMargin: Dec;
  unrealizedPnl: Dec;
}

export const NO_OTHERS: CrossOthers = { maintenanceMargin: ZERO, unrealizedPnl: ZERO };

export function sideSign(side: Position['side']): Dec {
  return side === 'long' ? ONE : ONE.neg();
}

/** WB − TMM + UPNL: the margin this position can lose before the others' needs are touched. */
function effectiveWallet(p: PositionTerms, others: CrossOthers): Dec {
  return dec(p.walletBalance).minus(others.maintenanceMargin).plus(others.unrealizedPnl);
}

function priceIn(p: PositionTerms, formula: Position['formula'], others: CrossOthers): Dec | null {
  return legsLiquidation([{ ...p, formula }], effectiveWallet(p, others), dec(p.entryPrice)).price;
}

/** Linear, Binance USDⓈ-M style: maintenance margin measured at the liquidation price. */
export function linearLiquidationAtLiquidation(
  p: PositionTerms,
  others: CrossOthers = NO_OTHERS,
): Dec | null {
  // docs/formulas-positions.md "Linear, Binance style": LP = (WB − TMM + UPNL + cum − s·Q·EP) / (Q·MMR − s·Q).
  return priceIn({ ...p, kind: 'linear' }, 'maintenance-at-liquidation', others);
}

/** Linear, Bybit isolated style: maintenance margin fixed at entry. */
export function linearLiquidationAtEntry(
  p: PositionTerms,
  others: CrossOthers = NO_OTHERS,
): Dec | null {
  // docs/formulas-positions.md "Linear, Bybit style": MM = Q·EP·MMR − cum; LP = EP − s·(WB − MM)/Q.
  return priceIn({ ...p, kind: 'linear' }, 'maintenance-at-entry', others);
}

/** Inverse (coin-margined), Binance COIN-M style: size C is contract value in USD, WB in coin. */
export function inverseLiquidationPrice(
  p: PositionTerms,
  others: CrossOthers = NO_OTHERS,
): Dec | null {
  // docs/formulas-positions.md "Inverse": long LP = C·(1+MMR) / (WB + cum + C/EP); short LP = C·(1−MMR) / (C/EP − WB − cum).
  return priceIn({ ...p, kind: 'inverse' }, 'maintenance-at-liquidation', others);
}

/** Our liquidation price for a position on its own; `others` only matters for cross margin. */
export function liquidationPrice(p: PositionTerms, others: CrossOthers = NO_OTHERS): Dec | null {
  const context = p.marginMode === 'cross' ? others : NO_OTHERS;
  return priceIn(p, p.formula, context);
}

/** Unrealised PnL: quote units for linear, coin for inverse. */
export function unrealizedPnl(
  p: Pick<Position, 'kind' | 'side' | 'size' | 'entryPrice'>,
  mark: Dec,
): Dec {
  const s = sideSign(p.side);
  const size = dec(p.size);
  const ep = dec(p.entryPrice);
  // docs/formulas-positions.md "ROE, margin and margin ratio": linear uPnL = s·Q·(P − EP); inverse s·C·(1/EP − 1/P) in coin.
  if (p.kind === 'inverse') return s.mul(size).mul(ONE.div(ep).minus(ONE.div(mark)));
  return s.mul(size).mul(mark.minus(ep));
}

/** Maintenance margin a position needs at a mark: quote units (linear) or coin (inverse). */
export function maintenanceMargin(p: PositionTerms, mark: Dec): Dec {
  // docs/formulas-positions.md "Maintenance margin": notional × MMR − cum, in the bracket of that
  // notional; at the mark (Binance style) or at entry (Bybit style).
  const price = p.formula === 'maintenance-at-entry' ? dec(p.entryPrice) : mark;
  const notional = notionalAt(p, price);
  const tier = tierAt(maintenanceTiers(p), notional);
  return notional.mul(tier.rate).minus(tier.amount);
}

/** Which cross wallet a position draws on (one account, one margin asset). */
export function crossWalletKey(
  p: Pick<Position, 'account' | 'kind' | 'baseAsset' | 'quoteAsset'>,
): string {
  // Linear positions share the quote-asset wallet; inverse ones the coin wallet.
  return [p.account, p.kind, p.kind === 'linear' ? p.quoteAsset : p.baseAsset].join('\u0000');
}
