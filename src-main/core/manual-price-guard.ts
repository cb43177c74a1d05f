import { D, type Dec, HUNDRED } from '#shared/decimal';

// The fat-finger guard on manual prices (docs/formulas.md "Manual prices"): a manual price
// more than 30 % away from the last known price of the asset is most likely a slip of a
// digit (6,200 for 62,000) and is only taken when the operator confirms it.

/** How far, in percent either way, a manual price may move without a confirmation. */
export const MANUAL_PRICE_CONFIRM_PCT = new D(30);

export interface ManualPriceJump {
  /** Signed change from the last known price, in percent (−90 for 62,000 → 6,200). */
  changePct: Dec;
  /**
   * The proposal shifted by whole powers of ten onto the last price (6,200 → 62,000) when
   * that lands within the allowed band, i.e. the digit the operator most likely dropped
   * or added; null when no such shift explains the jump.
   */
  suggestedUsd: Dec | null;
}

/** Change in percent: (proposed − last) / last × 100. */
export function changePct(lastUsd: Dec, proposedUsd: Dec): Dec {
  return proposedUsd.minus(lastUsd).div(lastUsd).mul(HUNDRED);
}

function withinBand(lastUsd: Dec, proposedUsd: Dec): boolean {
  return changePct(lastUsd, proposedUsd).abs().lte(MANUAL_PRICE_CONFIRM_PCT);
}

function powerOfTenSuggestion(lastUsd: Dec, proposedUsd: Dec): Dec | null {
  // log10 of the ratio, rounded, is the number of digits slipped in either direction.
  const shift = Math.round(lastUsd.div(proposedUsd).log(10).toNumber());
  if (shift === 0 || !Number.isFinite(shift)) return null;
  const suggested = proposedUsd.mul(new D(10).pow(shift));
  return withinBand(lastUsd, suggested) ? suggested : null;
}

/**
 * Whether setting `proposedUsd` by hand needs the operator's confirmation: null when it
 * does not (no last price known, or within 30 % of it), else the size of the jump.
 */
export function manualPriceJump(lastUsd: Dec | null, proposedUsd: Dec): ManualPriceJump | null {
  if (lastUsd === null || lastUsd.lte(0) || withinBand(lastUsd, proposedUsd)) return null;
  return {
    changePct: changePct(lastUsd, proposedUsd),
    suggestedUsd: powerOfTenSuggestion(lastUsd, proposedUsd),
  };
}
