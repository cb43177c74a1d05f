import type { Position } from '#api/records';
import { type Dec, dec, decStr } from '#shared/decimal';
import { formatCoin, formatLeverage, formatUsd } from '#shared/format';
import { maintenanceTiers, notionalAt, tierAt } from './positions-brackets';
import type { Liquidation } from './positions-liquidation';

// Positions that cannot exist as entered (docs/formulas-positions.md "Impossible
// positions"): their figures are shown with status `check` and a sentence, and they
// never raise a liquidation alert — a typing slip must not wake anyone at night.

export interface CheckTerms {
  liquidation: Liquidation | null;
}

function notionalText(p: Position, notional: Dec): string {
  const amount = decStr(notional, 8);
  return p.kind === 'inverse' ? formatCoin(amount, p.baseAsset) : formatCoin(amount, p.quoteAsset);
}

/** Leverage above what the exchange allows for the position's size (its bracket at entry). */
function leverageReason(p: Position): string | null {
  if (p.maintenanceBrackets === undefined) return null;
  const notional = notionalAt(p, dec(p.entryPrice));
  const tier = tierAt(maintenanceTiers(p), notional);
  if (tier.maxLeverage === null || dec(p.leverage).lte(tier.maxLeverage)) return null;
  const bracket =
    tier.cap === null ? 'its largest bracket' : `the bracket up to ${notionalText(p, tier.cap)}`;
  return (
    `Leverage ${formatLeverage(p.leverage)} is more than the ${formatLeverage(decStr(tier.maxLeverage))} ` +
    `${p.exchange} allows for a ${notionalText(p, notional)} position (${bracket}). ` +
    'Check the leverage and the size against the exchange.'
  );
}

/** A liquidation price past the entry: the position would be liquidated as it opened. */
function wrongSideReason(p: Position, terms: CheckTerms): string | null {
  const lp = terms.liquidation?.price ?? null;
  // Only an isolated margin is fixed by the position itself: a cross wallet can shrink with
  // losses elsewhere after a profitable position opened, and hedge legs share one price.
  if (lp === null || p.marginMode !== 'isolated') return null;
  const entry = dec(p.entryPrice);
  const past = p.side === 'long' ? lp.gte(entry) : lp.lte(entry);
  if (!past) return null;
  const where = p.side === 'long' ? 'at or above' : 'at or below';
  return (
    `Its liquidation price ${formatUsd(decStr(lp, 2))} is ${where} its entry ${formatUsd(p.entryPrice)}: ` +
    `a ${p.side} like this would be liquidated as it opened. ` +
    'Check the wallet balance, leverage and maintenance margin rate against the exchange.'
  );
}

/** Why the position cannot be as entered, or null when it can. */
export function impossiblePositionReason(p: Position, terms: CheckTerms): string | null {
  if (terms.liquidation?.underwater) {
    return (
      'Its margin balance is below the maintenance margin at any price, so the exchange ' +
      'would already have liquidated it. Check the wallet balance and the other positions of the account.'
    );
  }
  return leverageReason(p) ?? wrongSideReason(p, terms);
}
