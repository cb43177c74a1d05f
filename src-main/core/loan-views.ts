import type { Loan, Settings } from '#api/records';
import type { LoanView, PriceEntry } from '#api/snapshot';
import { type Dec, decStr, decStrOrNull } from '#shared/decimal';
import { nextPayment } from './loan-schedule';
import { loanBalance, loanRisk } from './loans';
import { isPriceUnreliable, priceUsdOf } from './prices';

// Loan rows of the Snapshot (docs/formulas-loans.md).

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
): LoanFigures {
  const balance = loanBalance(loan, asOf);
  const price = priceUsdOf(loan.collateralAsset, prices);
  const risk = loanRisk(loan, balance.outstanding, price, settings.thresholds.loanWatchPoints);
  const next = nextPayment(loan, asOf);
  const view: LoanView = {
    ...loan,
    accruedInterest: decStr(balance.accruedInterest),
    principalBalance: decStr(balance.principalBalance),
    outstanding: decStr(balance.outstanding),
    collateralValueUsd: decStrOrNull(risk.collateralValueUsd),
    collateralPriceUsd: decStrOrNull(price),
    ltvPct: decStrOrNull(risk.ltvPct),
    marginCallPrice: decStrOrNull(risk.marginCallPrice),
    liquidationPrice: decStrOrNull(risk.liquidationPrice),
    healthFactor: decStrOrNull(risk.healthFactor),
    health: risk.health,
    cure: risk.cure
      ? { addCollateral: decStr(risk.cure.addCollateral), repay: decStr(risk.cure.repay) }
      : null,
    nextPayment: next ? { date: next.date, amount: decStr(next.amount, 2) } : null,
    priceStale: isPriceUnreliable(loan.collateralAsset, prices),
  };
  return {
    view,
    outstanding: balance.outstanding,
    collateralValueUsd: risk.collateralValueUsd,
    healthFactor: risk.healthFactor,
  };
}
