import type { Position, Settings } from '#api/records';
import type { PositionView, PriceEntry } from '#api/snapshot';
import { type Dec, dec, decStrOrNull } from '#shared/decimal';
import {
  distanceToLiquidationPct,
  notionalUsd,
  positionStatus,
  reportedGapPct,
  roePct,
  stopDistancePct,
  stopPastLiquidation,
  unrealizedPnlUsd,
} from './position-figures';
import {
  type CrossOthers,
  crossOthersLookup,
  crossWalletKey,
  liquidationPrice,
  unrealizedPnl,
} from './positions';
import { isPriceUnreliable, priceUsdOf } from './prices';

// Position rows of the Snapshot (SPEC §5).

/** Mark price in quote units: base USD / quote USD (the quote is 1 for USD-like assets). */
export function markPriceOf(
  position: Pick<Position, 'baseAsset' | 'quoteAsset'>,
  prices: Readonly<Record<string, PriceEntry>>,
): Dec | null {
  const base = priceUsdOf(position.baseAsset, prices);
  const quote = priceUsdOf(position.quoteAsset, prices);
  if (base === null || quote === null || quote.lte(0)) return null;
  return base.div(quote);
}

/** Position rows, with cross positions seeing the others of their wallet at current marks. */
export function positionViews(
  positions: readonly Position[],
  settings: Settings,
  prices: Readonly<Record<string, PriceEntry>>,
): PositionView[] {
  const othersOf = crossOthersLookup(positions, (p) => markPriceOf(p, prices));
  // A cross position's liquidation price moves with the PnL of every position in its wallet,
  // so a stale or disputed price for any of them makes its figures unreliable too.
  const shakyWallets = new Set(
    positions
      .filter((p) => p.marginMode === 'cross' && ownPriceUnreliable(p, prices))
      .map(crossWalletKey),
  );
  return positions.map((p) =>
    positionView(p, othersOf(p), settings, prices, shakyWallets.has(crossWalletKey(p))),
  );
}

function ownPriceUnreliable(
  position: Pick<Position, 'baseAsset' | 'quoteAsset'>,
  prices: Readonly<Record<string, PriceEntry>>,
): boolean {
  return (
    isPriceUnreliable(position.baseAsset, prices) || isPriceUnreliable(position.quoteAsset, prices)
  );
}

export function positionView(
  position: Position,
  others: CrossOthers | null,
  settings: Settings,
  prices: Readonly<Record<string, PriceEntry>>,
  crossWalletPriceUnreliable = false,
): PositionView {
  const mark = markPriceOf(position, prices);
  const baseUsd = priceUsdOf(position.baseAsset, prices);
  const quoteUsd = priceUsdOf(position.quoteAsset, prices);
  const lp = others === null ? null : liquidationPrice(position, others);
  const stop = position.stopLoss === undefined ? null : dec(position.stopLoss);
  const reported =
    position.reportedLiquidationPrice === undefined ? null : dec(position.reportedLiquidationPrice);
  const pnl = mark === null || mark.lte(0) ? null : unrealizedPnl(position, mark);
  const stopPast = stopPastLiquidation(position.side, stop, lp);
  return {
    ...position,
    markPrice: decStrOrNull(mark),
    notionalUsd: decStrOrNull(notionalUsd(position, baseUsd)),
    unrealizedPnl: decStrOrNull(pnl),
    unrealizedPnlUsd: decStrOrNull(
      pnl === null ? null : unrealizedPnlUsd(position, pnl, baseUsd, quoteUsd),
    ),
    roePct: decStrOrNull(pnl === null ? null : roePct(position, pnl)),
    liquidationPrice: decStrOrNull(lp),
    distanceToLiquidationPct: decStrOrNull(
      mark === null ? null : distanceToLiquidationPct(position.side, mark, lp),
    ),
    stopDistancePct: decStrOrNull(
      mark === null ? null : stopDistancePct(position.side, mark, stop),
    ),
    stopPastLiquidation: stopPast,
    reportedGapPct: decStrOrNull(reportedGapPct(lp, reported)),
    // Without the other cross positions' marks there is no liquidation price to judge by.
    status:
      others === null
        ? 'unknown'
        : positionStatus(position.side, mark, lp, stopPast, settings.thresholds),
    priceStale:
      ownPriceUnreliable(position, prices) ||
      (position.marginMode === 'cross' && crossWalletPriceUnreliable),
  };
}
