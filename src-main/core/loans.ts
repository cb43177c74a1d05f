import type { CollateralItem, Loan } from '#api/records';
import { type Dec, HUNDRED, ZERO, dec, maxDec } from '#shared/decimal';
import { type LedgerTerms, loanLedger } from './loan-ledger';
import { isUsdLike } from './prices';

// Loan balance and collateral health (docs/formulas-loans.md).

export type LoanHealth =
  'healthy' | 'watch' | 'margin-call' | 'liquidation' | 'unknown' | 'unsecured';

/** Simple interest for a whole number of days at a fixed-year day count. */
export function simpleInterest(
  balance: Dec,
  aprPct: Dec | string,
  days: number,
  dayCount: 365 | 360,
): Dec {
  // docs/formulas-loans.md "Day count": interest = balance × APR × days / year.
  if (days <= 0) return ZERO;
  return balance.mul(dec(aprPct)).div(HUNDRED).mul(days).div(dayCount);
}

export interface LoanBalance {
  principalBalance: Dec;
  accruedInterest: Dec;
  /** Principal balance + accrued unpaid interest. */
  outstanding: Dec;
  /** Sum of the payments counted (dated on or before asOf). */
  paidTotal: Dec;
}

/** The loan's balance at the end of asOf's UTC date, by the one accrual rule (loan-ledger.ts). */
export function loanBalance(loan: LedgerTerms, asOf: Date): LoanBalance {
  const { principalBalance, accruedInterest, outstanding, paidTotal } = loanLedger(loan, asOf);
  return { principalBalance, accruedInterest, outstanding, paidTotal };
}

/** Loan-to-value in percent; null when the collateral has no value. */
export function ltvPct(outstanding: Dec, collateralValueUsd: Dec): Dec | null {
  // docs/formulas-loans.md "LTV": LTV % = outstanding / collateral value × 100.
  return collateralValueUsd.gt(0) ? outstanding.div(collateralValueUsd).mul(HUNDRED) : null;
}

/**
 * Price of one collateral asset at which the LTV reaches `thresholdLtvPct`, the other
 * collateral held at its value; null without debt, or when the other collateral alone
 * keeps the LTV below the threshold.
 */
export function priceAtLtv(
  outstanding: Dec,
  collateralAmount: Dec,
  thresholdLtvPct: Dec | string,
  otherCollateralUsd: Dec = ZERO,
): Dec | null {
  // docs/formulas-loans.md "Trigger prices": p = (outstanding / threshold − other value) / amount.
  const threshold = dec(thresholdLtvPct).div(HUNDRED);
  if (outstanding.lte(0) || collateralAmount.lte(0) || threshold.lte(0)) return null;
  const price = outstanding.div(threshold).minus(otherCollateralUsd).div(collateralAmount);
  return price.gt(0) ? price : null;
}

/** Aave-style health factor: ≥ 1 is alive; null without debt. */
export function healthFactor(
  outstanding: Dec,
  collateralValueUsd: Dec,
  liquidationLtvPct: Dec | string,
): Dec | null {
  // docs/formulas-loans.md "Health factor" (Aave): HF = Σ value × liquidation threshold / debt.
  if (outstanding.lte(0)) return null;
  return collateralValueUsd.mul(dec(liquidationLtvPct)).div(HUNDRED).div(outstanding);
}

/** Health band from the LTV; 'unknown' when the collateral cannot be priced. */
export function loanHealth(args: {
  ltvPct: Dec | null;
  outstanding: Dec;
  collateralValueUsd: Dec | null;
  loan: Pick<Loan, 'marginCallLtvPct' | 'liquidationLtvPct'>;
  watchPoints: Dec | string;
}): LoanHealth {
  const { ltvPct: ltv, outstanding, collateralValueUsd, loan, watchPoints } = args;
  if (collateralValueUsd === null) return 'unknown';
  if (outstanding.lte(0)) return 'healthy';
  // Worthless collateral against a debt is past every threshold.
  if (ltv === null) return 'liquidation';
  // docs/formulas-loans.md "Health bands".
  if (ltv.gte(dec(loan.liquidationLtvPct))) return 'liquidation';
  const marginCall = dec(loan.marginCallLtvPct);
  if (ltv.gte(marginCall)) return 'margin-call';
  if (ltv.gte(marginCall.minus(dec(watchPoints)))) return 'watch';
  return 'healthy';
}

export interface CollateralHolding {
  asset: string;
  amount: Dec;
  priceUsd: Dec | null;
  valueUsd: Dec | null;
  /** USD, USDT, USDC: no trigger price of their own. */
  usdLike: boolean;
}

export function collateralHoldings(
  collateral: readonly CollateralItem[],
  priceOf: (asset: string) => Dec | null,
): CollateralHolding[] {
  return collateral.map((item) => {
    const amount = dec(item.amount);
    const priceUsd = priceOf(item.asset);
    return {
      asset: item.asset,
      amount,
      priceUsd,
      valueUsd: priceUsd === null ? null : amount.mul(priceUsd),
      usdLike: isUsdLike(item.asset),
    };
  });
}

/**
 * The LTV a cure returns to: `targetLtvPct`, else the LTV at the start (principal over the
 * collateral at its start prices; USD-like assets count 1). When a start price is missing,
 * or that LTV is not below the margin call, the bottom of the watch band (half the
 * margin-call LTV if the band reaches 0). Null for an unsecured loan.
 */
export function cureTargetLtvPct(
  loan: Pick<Loan, 'principal' | 'collateral' | 'marginCallLtvPct' | 'targetLtvPct'>,
  watchPoints: Dec | string,
): Dec | null {
  if (loan.collateral.length === 0) return null;
  if (loan.targetLtvPct !== undefined) return dec(loan.targetLtvPct);
  const marginCall = dec(loan.marginCallLtvPct);
  let startValue: Dec | null = ZERO;
  for (const item of loan.collateral) {
    const start = isUsdLike(item.asset)
      ? dec(1)
      : item.startPriceUsd === undefined
        ? null
        : dec(item.startPriceUsd);
    startValue =
      start === null || startValue === null ? null : startValue.plus(start.mul(item.amount));
  }
  if (startValue !== null && startValue.gt(0)) {
    // docs/formulas-loans.md "Cure": the default target is the LTV at the start.
    const initial = dec(loan.principal).div(startValue).mul(HUNDRED);
    if (initial.gt(0) && initial.lt(marginCall)) return initial;
  }
  const belowWatch = marginCall.minus(dec(watchPoints));
  return belowWatch.gt(0) ? belowWatch : marginCall.div(2);
}

export interface LoanCure {
  /** Units of `asset` to add to return to the target LTV. */
  addCollateral: Dec;
  asset: string;
  /** Debt to repay (USD) to return to the target LTV. */
  repay: Dec;
}

/** What it takes to return to the target LTV; null when the asset to add has no price. */
export function loanCure(
  outstanding: Dec,
  collateralValueUsd: Dec,
  add: { asset: string; priceUsd: Dec },
  targetLtvPct: Dec,
): LoanCure | null {
  if (add.priceUsd.lte(0) || targetLtvPct.lte(0)) return null;
  const target = targetLtvPct.div(HUNDRED);
  // docs/formulas-loans.md "Cure": add = (outstanding / target − value) / price.
  const addCollateral = outstanding.div(target).minus(collateralValueUsd).div(add.priceUsd);
  // docs/formulas-loans.md "Cure": repay = outstanding − target × value.
  const repay = outstanding.minus(target.mul(collateralValueUsd));
  return {
    addCollateral: maxDec(addCollateral, ZERO),
    asset: add.asset,
    repay: maxDec(repay, ZERO),
  };
}

export interface LoanRisk {
  collateralValueUsd: Dec | null;
  /** The non-USD-like asset of largest value: the trigger prices are its prices. */
  triggerAsset: string | null;
  triggerPriceUsd: Dec | null;
  ltvPct: Dec | null;
  marginCallPrice: Dec | null;
  liquidationPrice: Dec | null;
  healthFactor: Dec | null;
  health: LoanHealth;
  cureTargetLtvPct: Dec | null;
  cure: LoanCure | null;
}

const UNSECURED: LoanRisk = {
  collateralValueUsd: null,
  triggerAsset: null,
  triggerPriceUsd: null,
  ltvPct: null,
  marginCallPrice: null,
  liquidationPrice: null,
  healthFactor: null,
  health: 'unsecured',
  cureTargetLtvPct: null,
  cure: null,
};

/** The non-USD-like holding of largest value (all priced): its price is the trigger price. */
export function triggerHolding(
  holdings: readonly CollateralHolding[],
): CollateralHolding | undefined {
  return holdings
    .filter((h) => !h.usdLike)
    .reduce<CollateralHolding | undefined>(
      (best, h) => (best === undefined || h.valueUsd!.gt(best.valueUsd!) ? h : best),
      undefined,
    );
}

/**
 * The collateral's value (null when any holding has no price) and the LTV it gives the
 * outstanding debt (null without collateral value).
 */
export function collateralLtv(
  outstanding: Dec,
  holdings: readonly CollateralHolding[],
): { collateralValueUsd: Dec | null; ltvPct: Dec | null } {
  if (holdings.length === 0) return { collateralValueUsd: null, ltvPct: null };
  const values = holdings.map((h) => h.valueUsd);
  const collateralValueUsd = values.some((v) => v === null)
    ? null
    : values.reduce<Dec>((sum, v) => sum.plus(v ?? ZERO), ZERO);
  return {
    collateralValueUsd,
    ltvPct: collateralValueUsd === null ? null : ltvPct(outstanding, collateralValueUsd),
  };
}

/**
 * Collateral figures for an outstanding debt. With several assets the trigger prices are
 * those of the largest non-USD-like asset, the others held at their current value; USD-like
 * collateral alone has no trigger price (its moves are scenario shocks).
 */
export function loanRisk(
  loan: Pick<
    Loan,
    'principal' | 'collateral' | 'marginCallLtvPct' | 'liquidationLtvPct' | 'targetLtvPct'
  >,
  outstanding: Dec,
  holdings: readonly CollateralHolding[],
  watchPoints: Dec | string,
): LoanRisk {
  if (holdings.length === 0) return UNSECURED;
  const { collateralValueUsd, ltvPct: ltv } = collateralLtv(outstanding, holdings);
  const health = loanHealth({ ltvPct: ltv, outstanding, collateralValueUsd, loan, watchPoints });
  const driver = collateralValueUsd === null ? undefined : triggerHolding(holdings);
  const other = driver && collateralValueUsd ? collateralValueUsd.minus(driver.valueUsd!) : ZERO;
  const trigger = (band: string) =>
    driver ? priceAtLtv(outstanding, driver.amount, band, other) : null;
  const target = cureTargetLtvPct(loan, watchPoints);
  const addTo = driver ?? holdings[0]!;
  const needsCure = health === 'margin-call' || health === 'liquidation';
  return {
    collateralValueUsd,
    triggerAsset: driver?.asset ?? null,
    triggerPriceUsd: driver?.priceUsd ?? null,
    ltvPct: ltv,
    marginCallPrice: trigger(loan.marginCallLtvPct),
    liquidationPrice: trigger(loan.liquidationLtvPct),
    healthFactor:
      collateralValueUsd === null
        ? null
        : healthFactor(outstanding, collateralValueUsd, loan.liquidationLtvPct),
    health,
    cureTargetLtvPct: target,
    cure:
      needsCure && collateralValueUsd !== null && target !== null && addTo.priceUsd !== null
        ? loanCure(
            outstanding,
            collateralValueUsd,
            { asset: addTo.asset, priceUsd: addTo.priceUsd },
            target,
          )
        : null,
  };
}
