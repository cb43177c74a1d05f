import type { Position } from '#api/records';
import { type Dec, ZERO, dec, minDec } from '#shared/decimal';
import type { MaintenanceTier } from './positions-brackets';
import {
  type Liquidation,
  legsLiquidation,
  liquidationCandidates,
  nearestLiquidation,
} from './positions-liquidation';
import {
  type CrossOthers,
  NO_OTHERS,
  crossWalletKey,
  maintenanceMargin,
  unrealizedPnl,
} from './positions';

// Positions that share a margin balance (docs/formulas-positions.md "Cross margin",
// "Hedge mode", "Margin ratio"). A cross wallet is one account's margin asset; inside it,
// the legs of one symbol (a LONG and a SHORT in hedge mode) form one group with one
// liquidation price, and every other symbol of the wallet enters through TMM and UPNL.
// An isolated position is a group of its own.

export interface PositionRisk {
  /** null: another position of the cross wallet has no mark, so nothing can be said. */
  liquidation: Liquidation | null;
  /** The bracket this position is measured in at the liquidation price. */
  tier: MaintenanceTier | null;
  /** More than one leg shares the liquidation price (hedge mode). */
  shared: boolean;
  /** Maintenance margin ÷ margin balance, a fraction; null without marks or when the balance ≤ 0. */
  marginRatio: Dec | null;
}

interface Share {
  maintenanceMargin: Dec;
  unrealizedPnl: Dec;
  unpriced: number;
}

function emptyShare(): Share {
  return { maintenanceMargin: ZERO, unrealizedPnl: ZERO, unpriced: 0 };
}

/** What one position adds to its wallet: null without a mark. */
function contribution(p: Position, mark: Dec | null): CrossOthers | null {
  if (mark === null || mark.lte(0)) return null;
  return { maintenanceMargin: maintenanceMargin(p, mark), unrealizedPnl: unrealizedPnl(p, mark) };
}

function add(share: Share, part: CrossOthers | null): void {
  if (part === null) {
    share.unpriced += 1;
    return;
  }
  share.maintenanceMargin = share.maintenanceMargin.plus(part.maintenanceMargin);
  share.unrealizedPnl = share.unrealizedPnl.plus(part.unrealizedPnl);
}

/** One symbol's legs in one cross wallet. */
export function hedgeGroupKey(
  p: Pick<Position, 'account' | 'kind' | 'baseAsset' | 'quoteAsset' | 'symbol'>,
): string {
  return `${crossWalletKey(p)}\u0000${p.symbol}`;
}

function keyOf(p: Position): string {
  return p.marginMode === 'cross' ? hedgeGroupKey(p) : `isolated\u0000${p.id}`;
}

function ratio(maintenance: Dec, balance: Dec): Dec | null {
  // Binance "Margin Ratio": maintenance margin ÷ margin balance (wallet + unrealised PnL).
  return balance.gt(0) ? maintenance.div(balance) : null;
}

/**
 * Liquidation, bracket and margin ratio of every position, in one pass over the book:
 * wallet totals minus the group's own share give each group its TMM and UPNL.
 */
export function positionRisks(
  all: readonly Position[],
  markOf: (p: Position) => Dec | null,
): Map<string, PositionRisk> {
  const groups = new Map<string, Position[]>();
  const groupShares = new Map<string, Share>();
  const walletShares = new Map<string, Share>();
  for (const p of all) {
    const key = keyOf(p);
    const part = contribution(p, markOf(p));
    const legs = groups.get(key);
    if (legs) legs.push(p);
    else groups.set(key, [p]);
    const group = groupShares.get(key) ?? emptyShare();
    add(group, part);
    groupShares.set(key, group);
    if (p.marginMode !== 'cross') continue;
    const wallet = walletShares.get(crossWalletKey(p)) ?? emptyShare();
    add(wallet, part);
    walletShares.set(crossWalletKey(p), wallet);
  }
  const risks = new Map<string, PositionRisk>();
  for (const [key, legs] of groups) {
    const first = legs[0]!;
    const group = groupShares.get(key)!;
    const wallet = first.marginMode === 'cross' ? walletShares.get(crossWalletKey(first))! : group;
    const others = othersOf(wallet, group);
    // Legs of one wallet should carry its one balance; if they differ, the smaller is the safer reading.
    const walletBalance = legs.map((p) => dec(p.walletBalance)).reduce(minDec);
    const mark = markOf(first);
    const liquidation =
      others === null
        ? null
        : legsLiquidation(
            legs,
            walletBalance.minus(others.maintenanceMargin).plus(others.unrealizedPnl),
            mark !== null && mark.gt(0) ? mark : dec(first.entryPrice),
          );
    const marginRatio =
      wallet.unpriced > 0
        ? null
        : ratio(wallet.maintenanceMargin, walletBalance.plus(wallet.unrealizedPnl));
    legs.forEach((p, i) => {
      risks.set(p.id, {
        liquidation,
        tier: liquidation?.tiers[i] ?? null,
        shared: legs.length > 1,
        marginRatio,
      });
    });
  }
  return risks;
}

/**
 * One position's liquidation as the marks move over a book that stays the same (a chart of
 * its past distance, docs/architecture.md "History"): what `positionRisks(all, markOf)`
 * says of it, for any marks. When nothing outside the position's own legs shares its
 * margin (an isolated position, or a cross wallet holding only its symbol), the wallet
 * term does not move with the marks and the candidate prices are worked out once; only
 * the choice of the one nearest the mark is made per call. Otherwise each call works out
 * the others' share at the marks and this group's price (`crossOthers`, `legsLiquidation`),
 * none of the wallet's other groups.
 */
export function positionLiquidationTrack(
  position: Position,
  all: readonly Position[],
): (markOf: (p: Position) => Dec | null) => Liquidation | null {
  const key = keyOf(position);
  const legs = all.filter((p) => keyOf(p) === key);
  const othersShareMargin =
    position.marginMode === 'cross' &&
    all.some(
      (p) =>
        p.marginMode === 'cross' &&
        crossWalletKey(p) === crossWalletKey(position) &&
        hedgeGroupKey(p) !== key,
    );
  if (legs.length === 0) return () => null;
  const first = legs[0]!;
  const walletBalance = legs.map((p) => dec(p.walletBalance)).reduce(minDec);
  const entry = dec(first.entryPrice);
  if (othersShareMargin) {
    // As positionRisks for this group alone: the others' TMM and UPNL at these marks.
    return (markOf) => {
      const others = crossOthers(position, all, markOf);
      if (others === null) return null;
      const mark = markOf(first);
      return legsLiquidation(
        legs,
        walletBalance.minus(others.maintenanceMargin).plus(others.unrealizedPnl),
        mark !== null && mark.gt(0) ? mark : entry,
      );
    };
  }
  // As positionRisks: the wallet less the others' share, which is nothing here.
  const found = liquidationCandidates(
    legs,
    walletBalance.minus(NO_OTHERS.maintenanceMargin).plus(NO_OTHERS.unrealizedPnl),
  );
  // With one price or none, the mark chooses nothing.
  if (found.candidates.length <= 1) {
    const fixed = nearestLiquidation(found, ZERO);
    return () => fixed;
  }
  return (markOf) => {
    const mark = markOf(first);
    return nearestLiquidation(found, mark !== null && mark.gt(0) ? mark : entry);
  };
}

function othersOf(wallet: Share, group: Share): CrossOthers | null {
  if (wallet === group) return NO_OTHERS;
  if (wallet.unpriced - group.unpriced > 0) return null;
  return {
    maintenanceMargin: wallet.maintenanceMargin.minus(group.maintenanceMargin),
    unrealizedPnl: wallet.unrealizedPnl.minus(group.unrealizedPnl),
  };
}

/** TMM and UPNL of the other symbols in one position's cross wallet (its own legs excluded). */
export function crossOthers(
  position: Position,
  all: readonly Position[],
  markOf: (p: Position) => Dec | null,
): CrossOthers | null {
  if (position.marginMode !== 'cross') return NO_OTHERS;
  const members = all.some((p) => p.id === position.id) ? all : [...all, position];
  const group = emptyShare();
  const wallet = emptyShare();
  for (const p of members) {
    if (p.marginMode !== 'cross' || crossWalletKey(p) !== crossWalletKey(position)) continue;
    const part = contribution(p, markOf(p));
    add(wallet, part);
    if (hedgeGroupKey(p) === hedgeGroupKey(position)) add(group, part);
  }
  return othersOf(wallet, group);
}
