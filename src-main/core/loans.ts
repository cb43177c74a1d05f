import type { Loan } from '#api/records';
import { daysBetween, isoDateOf } from './calendar';
import { type Dec, HUNDRED, ZERO, dec, maxDec, minDec } from '#shared/decimal';

// Loan balance and collateral health (docs/formulas-loans.md).

export type LoanHealth = 'healthy' | 'watch' | 'margin-call' | 'liquidation' | 'unknown';

/** Simple interest for a number of days. */
export function simpleInterest(
  balance: Dec,
  aprPct: Dec | string,
  days: number,
  dayCount: number,
): Dec {
  // docs/formulas-loans.md: interest accrues daily on the principal balance, simple, at APR × days / dayCount.
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

/**
 * The loan's balance at the end of asOf's UTC date. Payments dated after asOf are ignored;
 * each payment pays accrued interest first, then principal; anything beyond the debt is
 * not carried as a credit.
 */
export function loanBalance(
  loan: Pick<Loan, 'principal' | 'aprPct' | 'dayCount' | 'startDate' | 'payments'>,
  asOf: Date,
): LoanBalance {
  const asOfDate = isoDateOf(asOf);
  let principalBalance = dec(loan.principal);
  let accruedInterest = ZERO;
  let paidTotal = ZERO;
  let accruedTo = loan.startDate;
  const payments = [...loan.payments]
    .filter((p) => p.date <= asOfDate)
    .sort((a, b) => a.date.localeCompare(b.date));

  const accrueTo = (date: string) => {
    if (date <= accruedTo) return;
    const days = daysBetween(accruedTo, date);
    accruedInterest = accruedInterest.plus(
      simpleInterest(principalBalance, loan.aprPct, days, loan.dayCount),
    );
    accruedTo = date;
  };

  for (const payment of payments) {
    accrueTo(payment.date);
    const amount = dec(payment.amount);
    paidTotal = paidTotal.plus(amount);
    // docs/formulas-loans.md: a payment pays accrued interest first, then principal.
    const toInterest = minDec(amount, accruedInterest);
    accruedInterest = accruedInterest.minus(toInterest);
    const toPrincipal = minDec(amount.minus(toInterest), principalBalance);
    principalBalance = principalBalance.minus(toPrincipal);
  }
  accrueTo(asOfDate);

  return {
    principalBalance,
    accruedInterest,
    outstanding: principalBalance.plus(accruedInterest),
    paidTotal,
  };
}

/** Loan-to-value in percent; null when the collateral has no value. */
export function ltvPct(outstanding: Dec, collateralValueUsd: Dec): Dec | null {
  // docs/formulas-loans.md: LTV % = outstanding / (collateralAmount × price) × 100.
  return collateralValueUsd.gt(0) ? outstanding.div(collateralValueUsd).mul(HUNDRED) : null;
}

/** Collateral price at which the LTV reaches `thresholdLtvPct`; null without debt or collateral. */
export function priceAtLtv({
  outstanding,
  collateralAmount,
  thresholdLtvPct,
}: {
  outstanding: Dec;
  collateralAmount: Dec;
  thresholdLtvPct: Dec | string;
}): Dec | null {
  // docs/formulas-loans.md: margin-call price = outstanding / (collateralAmount × marginCallLtv); liquidation likewise.
  const threshold = dec(thresholdLtvPct);
  if (outstanding.lte(0) || collateralAmount.lte(0) || threshold.lte(0)) return null;
  return outstanding.div(collateralAmount.mul(threshold).div(HUNDRED));
}

/** Aave-style health factor: ≥ 1 is alive; null without debt. */
export function healthFactor({
  outstanding,
  collateralValueUsd,
  liquidationLtvPct,
}: {
  outstanding: Dec;
  collateralValueUsd: Dec;
  liquidationLtvPct: Dec | string;
}): Dec | null {
  // Aave V3 docs "Health Factor": HF = Σ collateral × liquidation threshold / debt (= liquidationLtv / LTV).
  if (outstanding.lte(0)) return null;
  return collateralValueUsd.mul(dec(liquidationLtvPct)).div(HUNDRED).div(outstanding);
}

/** Health band from the LTV; 'unknown' when the collateral cannot be priced. */
export function loanHealth({
  ltv,
  outstanding,
  collateralValueUsd,
  loan,
  watchPoints,
}: {
  /** LTV in percent; null when the collateral is worth nothing. */
  ltv: Dec | null;
  outstanding: Dec;
  /** null when the collateral cannot be priced. */
  collateralValueUsd: Dec | null;
  loan: Pick<Loan, 'marginCallLtvPct' | 'liquidationLtvPct'>;
  watchPoints: Dec | string;
}): LoanHealth {
  if (collateralValueUsd === null) return 'unknown';
  if (outstanding.lte(0)) return 'healthy';
  // Worthless collateral against a debt is past every threshold.
  if (ltv === null) return 'liquidation';
  // docs/formulas-loans.md: liquidation at/past liquidationLtv, margin-call at/past marginCallLtv, watch within N points.
  if (ltv.gte(dec(loan.liquidationLtvPct))) return 'liquidation';
  const marginCall = dec(loan.marginCallLtvPct);
  if (ltv.gte(marginCall)) return 'margin-call';
  if (ltv.gte(marginCall.minus(dec(watchPoints)))) return 'watch';
  return 'healthy';
}

/**
 * The LTV a cure returns to: `targetLtvPct`, else the initial LTV (principal / (collateral ×
 * price at start)). The price at the start is only known for USD collateral or when the
 * caller passes it; otherwise — or when that LTV is not below the margin-call LTV — the
 * target is the bottom of the watch band (marginCallLtv − watch points), and half the
 * margin-call LTV if the band reaches 0.
 */
export function cureTargetLtvPct(
  loan: Pick<
    Loan,
    'principal' | 'collateralAsset' | 'collateralAmount' | 'marginCallLtvPct' | 'targetLtvPct'
  >,
  watchPoints: Dec | string,
  startPriceUsd: Dec | null = null,
): Dec {
  if (loan.targetLtvPct !== undefined) return dec(loan.targetLtvPct);
  const marginCall = dec(loan.marginCallLtvPct);
  const startPrice = loan.collateralAsset === 'USD' ? dec(1) : startPriceUsd;
  const amount = dec(loan.collateralAmount);
  if (startPrice !== null && amount.gt(0) && startPrice.gt(0)) {
    const initial = dec(loan.principal).div(amount.mul(startPrice)).mul(HUNDRED);
    if (initial.gt(0) && initial.lt(marginCall)) return initial;
  }
  const belowWatch = marginCall.minus(dec(watchPoints));
  return belowWatch.gt(0) ? belowWatch : marginCall.div(2);
}

export interface LoanCure {
  /** Collateral units to add to return to the target LTV. */
  addCollateral: Dec;
  /** Debt to repay (USD) to return to the target LTV. */
  repay: Dec;
}

/** What it takes to return to the target LTV; null when the collateral price is not positive. */
export function loanCure({
  outstanding,
  collateralAmount,
  priceUsd,
  targetLtvPct,
}: {
  outstanding: Dec;
  collateralAmount: Dec;
  priceUsd: Dec;
  targetLtvPct: Dec;
}): LoanCure | null {
  if (priceUsd.lte(0) || targetLtvPct.lte(0)) return null;
  const target = targetLtvPct.div(HUNDRED);
  // docs/formulas-loans.md: collateral to add = outstanding / (targetLtv × price) − collateralAmount.
  const addCollateral = outstanding.div(target.mul(priceUsd)).minus(collateralAmount);
  // docs/formulas-loans.md: debt to repay = outstanding − targetLtv × collateral value.
  const repay = outstanding.minus(target.mul(collateralAmount).mul(priceUsd));
  return { addCollateral: maxDec(addCollateral, ZERO), repay: maxDec(repay, ZERO) };
}

export interface LoanRisk {
  collateralValueUsd: Dec | null;
  ltvPct: Dec | null;
  marginCallPrice: Dec | null;
  liquidationPrice: Dec | null;
  healthFactor: Dec | null;
  health: LoanHealth;
  cure: LoanCure | null;
}

/**
 * Collateral figures for an outstanding debt at a collateral price (null = unpriced).
 * Trigger prices are null for USD collateral, whose price is fixed.
 */
export function loanRisk(
  loan: Pick<
    Loan,
    | 'principal'
    | 'collateralAsset'
    | 'collateralAmount'
    | 'marginCallLtvPct'
    | 'liquidationLtvPct'
    | 'targetLtvPct'
  >,
  outstanding: Dec,
  priceUsd: Dec | null,
  watchPoints: Dec | string,
  startPriceUsd: Dec | null = null,
): LoanRisk {
  const amount = dec(loan.collateralAmount);
  const collateralValueUsd = priceUsd === null ? null : amount.mul(priceUsd);
  const ltv = collateralValueUsd === null ? null : ltvPct(outstanding, collateralValueUsd);
  const fixedPrice = loan.collateralAsset === 'USD';
  const health = loanHealth({ ltv, outstanding, collateralValueUsd, loan, watchPoints });
  const needsCure = health === 'margin-call' || health === 'liquidation';
  return {
    collateralValueUsd,
    ltvPct: ltv,
    marginCallPrice: fixedPrice
      ? null
      : priceAtLtv({
          outstanding,
          collateralAmount: amount,
          thresholdLtvPct: loan.marginCallLtvPct,
        }),
    liquidationPrice: fixedPrice
      ? null
      : priceAtLtv({
          outstanding,
          collateralAmount: amount,
          thresholdLtvPct: loan.liquidationLtvPct,
        }),
    healthFactor:
      collateralValueUsd === null
        ? null
        : healthFactor({
            outstanding,
            collateralValueUsd,
            liquidationLtvPct: loan.liquidationLtvPct,
          }),
    health,
    cure:
      needsCure && priceUsd !== null
        ? loanCure({
            outstanding,
            collateralAmount: amount,
            priceUsd,
            targetLtvPct: cureTargetLtvPct(loan, watchPoints, startPriceUsd),
          })
        : null,
  };
}
