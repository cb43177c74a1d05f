import type { Loan, Settings } from '#api/records';
import type { LoanView, PriceEntry } from '#api/snapshot';
import { type Dec, decStr, decStrOrNull } from '#shared/decimal';
import { loanLedger, type LoanLedger } from './loan-ledger';
import { type LoanOddsInputs, loanOddsOf } from './loan-odds';
import { volatilityOf } from './odds';
import { collateralHoldings, loanRisk } from './loans';
import { isPriceUnreliable, priceUsdOf } from './prices';

// Loan rows of the Snapshot: the balance and the next payment from the one accrual rule,
// the collateral figures from the prices in use (docs/formulas-loans.md).

export interface LoanFigures {
  view: LoanView;
  outstanding: Dec;
  collateralValueUsd: Dec | null;
  healthFactor: Dec | null;
}

export function loanFigures(
  loan: Loan,
  asOf: Date,
  settings: Settings,
  prices: Readonly<Record<string, PriceEntry>>,
  /** The loan's ledger as of asOf's date, when already worked out (it reads no price). */
  ledger: LoanLedger = loanLedger(loan, asOf),
  /** σ and the debt at each horizon, for the odds of crossing; without them (past LTV charts) the odds are null. */
  odds?: LoanOddsInputs,
): LoanFigures {
  const holdings = collateralHoldings(loan.collateral, (asset) => priceUsdOf(asset, prices));
  const risk = loanRisk(loan, ledger.outstanding, holdings, settings.thresholds.loanWatchPoints);
  const next = ledger.nextPayment;
  const view: LoanView = {
    ...loan,
    accruedInterest: decStr(ledger.accruedInterest),
    principalBalance: decStr(ledger.principalBalance),
    outstanding: decStr(ledger.outstanding),
    collateralHoldings: holdings.map((h) => ({
      asset: h.asset,
      amount: decStr(h.amount),
      priceUsd: decStrOrNull(h.priceUsd),
      valueUsd: decStrOrNull(h.valueUsd),
    })),
    collateralValueUsd: decStrOrNull(risk.collateralValueUsd),
    collateralPriceUsd: decStrOrNull(risk.triggerPriceUsd),
    triggerAsset: risk.triggerAsset,
    ltvPct: decStrOrNull(risk.ltvPct),
    marginCallPrice: decStrOrNull(risk.marginCallPrice),
    liquidationPrice: decStrOrNull(risk.liquidationPrice),
    healthFactor: decStrOrNull(risk.healthFactor),
    health: risk.health,
    cureTargetLtvPct: decStrOrNull(risk.cureTargetLtvPct),
    cure: risk.cure
      ? {
          addCollateral: decStr(risk.cure.addCollateral),
          asset: risk.cure.asset,
          repay: decStr(risk.cure.repay),
        }
      : null,
    nextPayment: next ? { date: next.date, amount: decStr(next.amount, 2) } : null,
    maturityDate: ledger.maturityDate,
    priceStale: loan.collateral.some((c) => isPriceUnreliable(c.asset, prices)),
    odds:
      odds === undefined
        ? null
        : loanOddsOf({
            holdings,
            collateralValueUsd: risk.collateralValueUsd,
            loan,
            outstandingAt: odds.outstandingAt,
            volatilityOf: (asset) =>
              volatilityOf(odds.volatility, asset, settings.risk.defaultVolatilityPct),
          }),
  };
  return {
    view,
    outstanding: ledger.outstanding,
    collateralValueUsd: risk.collateralValueUsd,
    healthFactor: risk.healthFactor,
  };
}
