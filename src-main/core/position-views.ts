import type { FundingQuote } from '#api/funding';
import type { Position, Settings } from '#api/records';
import type { PositionView, PriceEntry } from '#api/snapshot';
import { type Dec, dec, decStrOrNull, rateToPct } from '#shared/decimal';
import { type FundingFigures, fundingFigures } from './funding';
import { impossiblePositionReason } from './position-figures-check';
import {
  distanceToLiquidationPct,
  initialMargin,
  marginAssetUsd,
  notionalUsd,
  positionStatus,
  reportedGapPct,
  roePct,
  stopDistancePct,
  stopPastLiquidation,
  unrealizedPnlUsd,
} from './position-figures';
import { crossWalletKey, unrealizedPnl } from './positions';
import { type PositionRisk, positionRisks } from './positions-wallets';
import { type UsdPrices, isPriceUnreliable, priceUsdOf } from './prices';
import { type VolatilityTable, positionOdds, volatilityOf } from './odds';

// Position rows of the Snapshot (docs/formulas-positions.md).

/** Mark price in quote units: base USD / quote USD (the quote is 1 for USD-like assets). */
export function markPriceOf(
  position: Pick<Position, 'baseAsset' | 'quoteAsset'>,
  prices: UsdPrices,
): Dec | null {
  const base = priceUsdOf(position.baseAsset, prices);
  const quote = priceUsdOf(position.quoteAsset, prices);
  if (base === null || quote === null || quote.lte(0)) return null;
  return base.div(quote);
}

/** The funding quotes known at an instant (a Snapshot input, like the prices). */
export interface FundingInput {
  quotes: Readonly<Record<string, FundingQuote>>;
  asOf: Date;
}

const NO_FUNDING: FundingInput = { quotes: {}, asOf: new Date(0) };

/** Position rows: cross positions see the others of their wallet at current marks, and
 * hedge-mode legs of one symbol share one liquidation price. */
export function positionViews(
  positions: readonly Position[],
  settings: Settings,
  prices: Readonly<Record<string, PriceEntry>>,
  /** σ by asset for the odds of crossing; without it (past distance charts) the odds are null. */
  volatility?: VolatilityTable,
  funding: FundingInput = NO_FUNDING,
): PositionView[] {
  const risks = positionRisks(positions, (p) => markPriceOf(p, prices));
  // A cross position's liquidation price moves with the PnL of every position in its wallet,
  // so a stale or disputed price for any of them makes its figures unreliable too.
  const shakyWallets = new Set(
    positions
      .filter((p) => p.marginMode === 'cross' && ownPriceUnreliable(p, prices))
      .map(crossWalletKey),
  );
  return positions.map((p) => ({
    ...positionView(
      p,
      risks.get(p.id) ?? null,
      settings,
      prices,
      shakyWallets.has(crossWalletKey(p)),
      volatility,
    ),
    ...fundingFigures(
      p,
      funding.quotes,
      { mark: markPriceOf(p, prices), quoteUsd: priceUsdOf(p.quoteAsset, prices) },
      funding.asOf,
    ),
  }));
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
  risk: PositionRisk | null,
  settings: Settings,
  prices: Readonly<Record<string, PriceEntry>>,
  crossWalletPriceUnreliable = false,
  volatility?: VolatilityTable,
): Omit<PositionView, keyof FundingFigures> {
  const mark = markPriceOf(position, prices);
  const priced = mark !== null && mark.gt(0) ? mark : null;
  const baseUsd = priceUsdOf(position.baseAsset, prices);
  const quoteUsd = priceUsdOf(position.quoteAsset, prices);
  const liquidation = risk?.liquidation ?? null;
  const lp = liquidation?.price ?? null;
  const direction = liquidation?.direction ?? null;
  const stop = position.stopLoss === undefined ? null : dec(position.stopLoss);
  const reported =
    position.reportedLiquidationPrice === undefined ? null : dec(position.reportedLiquidationPrice);
  const pnl = priced === null ? null : unrealizedPnl(position, priced);
  const stopPast = stopPastLiquidation(position.side, stop, lp, direction);
  const checkReason = risk === null ? null : impossiblePositionReason(position, { liquidation });
  const margin = priced === null ? null : initialMargin(position, priced);
  return {
    ...position,
    markPrice: decStrOrNull(mark),
    notionalUsd: decStrOrNull(notionalUsd(position, baseUsd)),
    unrealizedPnl: decStrOrNull(pnl),
    unrealizedPnlUsd: decStrOrNull(
      pnl === null ? null : unrealizedPnlUsd(position, pnl, baseUsd, quoteUsd),
    ),
    roePct: decStrOrNull(pnl === null || priced === null ? null : roePct(position, pnl, priced)),
    marginUsd: decStrOrNull(
      margin === null ? null : marginAssetUsd(position, margin, baseUsd, quoteUsd),
    ),
    marginRatioPct: decStrOrNull(
      priced === null || !risk || risk.marginRatio === null ? null : rateToPct(risk.marginRatio),
    ),
    liquidationPrice: decStrOrNull(lp),
    liquidationShared: risk?.shared ?? false,
    liquidationDirection: direction,
    liquidationMaintenanceMarginRate: decStrOrNull(risk?.tier?.rate ?? null),
    distanceToLiquidationPct: decStrOrNull(
      mark === null ? null : distanceToLiquidationPct(direction, mark, lp),
    ),
    stopDistancePct: decStrOrNull(
      mark === null ? null : stopDistancePct(position.side, mark, stop),
    ),
    stopPastLiquidation: stopPast,
    reportedGapPct: decStrOrNull(reportedGapPct(lp, reported)),
    // Without the other cross positions' marks there is no liquidation price to judge by.
    status:
      checkReason !== null
        ? 'check'
        : liquidation === null
          ? 'unknown'
          : positionStatus(direction, mark, lp, stopPast, settings.thresholds),
    checkReason,
    priceStale:
      ownPriceUnreliable(position, prices) ||
      (position.marginMode === 'cross' && crossWalletPriceUnreliable),
    // σ of the base asset: the mark is quoted in a USD-like quote for the contracts traded.
    odds:
      volatility === undefined
        ? null
        : positionOdds({
            mark: priced,
            side: position.side,
            liquidationPrice: lp,
            liquidationDirection: direction,
            stopLoss: stop,
            volatility: volatilityOf(
              volatility,
              position.baseAsset,
              settings.risk.defaultVolatilityPct,
            ),
          }),
  };
}
