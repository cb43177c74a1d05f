import type { Position } from '#api/records';
import { type Dec, ONE, ZERO, dec } from '#shared/decimal';

// Liquidation prices of leveraged positions (SPEC §6). Notation: Q = |size|, EP = entry,
// P = mark, s = +1 long / −1 short, MMR = maintenance margin rate, cum = maintenance
// amount, WB = wallet balance (quote units; coin for inverse).

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

function positiveOrNull(price: Dec): Dec | null {
  // SPEC §6: LP ≤ 0 → null (the position cannot be liquidated by a falling/rising price).
  return price.gt(0) && price.isFinite() ? price : null;
}

/** Linear, Binance USDⓈ-M style: maintenance margin measured at the liquidation price. */
export function linearLiquidationAtLiquidation(
  p: PositionTerms,
  others: CrossOthers = NO_OTHERS,
): Dec | null {
  const s = sideSign(p.side);
  const q = dec(p.size);
  const ep = dec(p.entryPrice);
  const denominator = q.mul(dec(p.maintenanceMarginRate)).minus(s.mul(q));
  if (denominator.isZero()) return null;
  // Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures": LP = (WB − TMM + UPNL + cum − s·Q·EP) / (Q·MMR − s·Q).
  const numerator = effectiveWallet(p, others)
    .plus(dec(p.maintenanceAmount))
    .minus(s.mul(q).mul(ep));
  return positiveOrNull(numerator.div(denominator));
}

/** Linear, Bybit isolated style: maintenance margin fixed at entry. */
export function linearLiquidationAtEntry(
  p: PositionTerms,
  others: CrossOthers = NO_OTHERS,
): Dec | null {
  const s = sideSign(p.side);
  const q = dec(p.size);
  const ep = dec(p.entryPrice);
  // Bybit help "Liquidation Price (USDT contract)": MM = Q·EP·MMR − cum; LP = EP − s·(WB − MM)/Q.
  const mm = q.mul(ep).mul(dec(p.maintenanceMarginRate)).minus(dec(p.maintenanceAmount));
  return positiveOrNull(ep.minus(s.mul(effectiveWallet(p, others).minus(mm)).div(q)));
}

/** Inverse (coin-margined): size C is contract value in USD, WB in coin. */
export function inverseLiquidationPrice(
  p: PositionTerms,
  others: CrossOthers = NO_OTHERS,
): Dec | null {
  const c = dec(p.size);
  const ep = dec(p.entryPrice);
  const mmr = dec(p.maintenanceMarginRate);
  const equity = effectiveWallet(p, others).plus(dec(p.maintenanceAmount));
  if (p.side === 'long') {
    // Binance FAQ "Liquidation Price of COIN-M Futures" / BitMEX inverse: long LP = C·(1+MMR) / (WB + cum + C/EP).
    const denominator = equity.plus(c.div(ep));
    return denominator.gt(0) ? positiveOrNull(c.mul(ONE.plus(mmr)).div(denominator)) : null;
  }
  // Same source: short LP = C·(1−MMR) / (C/EP − WB − cum); null when that denominator ≤ 0.
  const denominator = c.div(ep).minus(equity);
  return denominator.gt(0) ? positiveOrNull(c.mul(ONE.minus(mmr)).div(denominator)) : null;
}

/** Our liquidation price for a position; `others` only matters for cross margin. */
export function liquidationPrice(p: PositionTerms, others: CrossOthers = NO_OTHERS): Dec | null {
  const context = p.marginMode === 'cross' ? others : NO_OTHERS;
  if (p.kind === 'inverse') return inverseLiquidationPrice(p, context);
  return p.formula === 'maintenance-at-entry'
    ? linearLiquidationAtEntry(p, context)
    : linearLiquidationAtLiquidation(p, context);
}

/** Unrealised PnL: quote units for linear, coin for inverse. */
export function unrealizedPnl(
  p: Pick<Position, 'kind' | 'side' | 'size' | 'entryPrice'>,
  mark: Dec,
): Dec {
  const s = sideSign(p.side);
  const size = dec(p.size);
  const ep = dec(p.entryPrice);
  // SPEC §6: linear uPnL = s·Q·(P − EP); inverse uPnL = s·C·(1/EP − 1/P) in coin.
  if (p.kind === 'inverse') return s.mul(size).mul(ONE.div(ep).minus(ONE.div(mark)));
  return s.mul(size).mul(mark.minus(ep));
}

/** Maintenance margin a position needs at a mark: quote units (linear) or coin (inverse). */
export function maintenanceMargin(p: PositionTerms, mark: Dec): Dec {
  const size = dec(p.size);
  const mmr = dec(p.maintenanceMarginRate);
  const cum = dec(p.maintenanceAmount);
  // Binance FAQ: maintenance margin = notional × MMR − cum (notional at mark; Bybit style at entry).
  if (p.kind === 'inverse') return size.div(mark).mul(mmr).minus(cum);
  const price = p.formula === 'maintenance-at-entry' ? dec(p.entryPrice) : mark;
  return size.mul(price).mul(mmr).minus(cum);
}

/** Which cross wallet a position draws on (one account, one margin asset). */
export function crossWalletKey(
  p: Pick<Position, 'account' | 'kind' | 'baseAsset' | 'quoteAsset'>,
): string {
  // Linear positions share the quote-asset wallet; inverse ones the coin wallet.
  return [p.account, p.kind, p.kind === 'linear' ? p.quoteAsset : p.baseAsset].join('\u0000');
}

interface Contribution {
  maintenanceMargin: Dec;
  unrealizedPnl: Dec;
  priced: boolean;
}

/**
 * A look-up of TMM and UPNL of the *other* positions sharing each position's cross wallet,
 * at current marks, built in one pass (wallet totals minus the position's own share).
 * Isolated → zeros. null when one of the others has no mark (cannot be computed).
 */
export function crossOthersLookup(
  all: readonly Position[],
  markOf: (p: Position) => Dec | null,
): (position: Position) => CrossOthers | null {
  const own = new Map<string, Contribution>();
  const wallets = new Map<
    string,
    { maintenanceMargin: Dec; unrealizedPnl: Dec; unpriced: number }
  >();
  for (const p of all) {
    if (p.marginMode !== 'cross') continue;
    const mark = markOf(p);
    const priced = mark !== null && mark.gt(0);
    const share: Contribution = priced
      ? {
          maintenanceMargin: maintenanceMargin(p, mark),
          unrealizedPnl: unrealizedPnl(p, mark),
          priced,
        }
      : { maintenanceMargin: ZERO, unrealizedPnl: ZERO, priced };
    own.set(p.id, share);
    const key = crossWalletKey(p);
    const wallet = wallets.get(key) ?? {
      maintenanceMargin: ZERO,
      unrealizedPnl: ZERO,
      unpriced: 0,
    };
    wallet.maintenanceMargin = wallet.maintenanceMargin.plus(share.maintenanceMargin);
    wallet.unrealizedPnl = wallet.unrealizedPnl.plus(share.unrealizedPnl);
    if (!priced) wallet.unpriced += 1;
    wallets.set(key, wallet);
  }
  return (position) => {
    if (position.marginMode !== 'cross') return NO_OTHERS;
    const wallet = wallets.get(crossWalletKey(position));
    const share = own.get(position.id);
    if (!wallet || !share) return NO_OTHERS;
    if (wallet.unpriced - (share.priced ? 0 : 1) > 0) return null;
    return {
      maintenanceMargin: wallet.maintenanceMargin.minus(share.maintenanceMargin),
      unrealizedPnl: wallet.unrealizedPnl.minus(share.unrealizedPnl),
    };
  };
}

/** TMM and UPNL of the others in one position's cross wallet (see crossOthersLookup). */
export function crossOthers(
  position: Position,
  all: readonly Position[],
  markOf: (p: Position) => Dec | null,
): CrossOthers | null {
  const members = all.some((p) => p.id === position.id) ? all : [...all, position];
  return crossOthersLookup(members, markOf)(position);
}
