import type { Loan } from '#api/records';
import type { LoanOdds } from '#api/odds';
import type { Dec } from '#shared/decimal';
import { loanLedger } from './loan-ledger';
import { type CollateralHolding, priceAtLtv, triggerHolding } from './loans';
import { type VolatilityTable, loanOdds } from './odds';
import type { VolatilityEstimate } from './volatility';

// A loan's odds of a margin call and a liquidation (docs/formulas-risk.md "Odds of
// crossing"). Interest keeps accruing and no payment is assumed within the horizon, so the
// trigger prices are those of the debt at the horizon's end: higher, hence conservative.

const DAY_MS = 86_400_000;

export interface LoanOddsInputs {
  volatility: VolatilityTable;
  /** The outstanding `days` after asOf, nothing paid in between (see horizonOutstanding). */
  outstandingAt: (days: number) => Dec;
}

/** The debt `days` after asOf with interest accrued and nothing paid; each horizon once. */
export function horizonOutstanding(loan: Loan, asOf: Date): (days: number) => Dec {
  const known = new Map<number, Dec>();
  return (days) => {
    let outstanding = known.get(days);
    if (outstanding === undefined) {
      outstanding = loanLedger(loan, new Date(asOf.getTime() + days * DAY_MS)).outstanding;
      known.set(days, outstanding);
    }
    return outstanding;
  };
}

export function loanOddsOf(args: {
  loan: Pick<Loan, 'marginCallLtvPct' | 'liquidationLtvPct'>;
  outstandingAt: (days: number) => Dec;
  holdings: readonly CollateralHolding[];
  /** Null when a collateral asset has no price. */
  collateralValueUsd: Dec | null;
  volatilityOf: (asset: string) => VolatilityEstimate;
}): LoanOdds | null {
  const { loan, holdings, collateralValueUsd } = args;
  const driver = collateralValueUsd === null ? undefined : triggerHolding(holdings);
  if (driver === undefined || driver.valueUsd === null || collateralValueUsd === null) return null;
  const other = collateralValueUsd.minus(driver.valueUsd);
  return loanOdds({
    priceUsd: driver.priceUsd,
    volatility: args.volatilityOf(driver.asset),
    triggersAt: (days) => {
      const outstanding = args.outstandingAt(days);
      return {
        marginCall: priceAtLtv(outstanding, driver.amount, loan.marginCallLtvPct, other),
        liquidation: priceAtLtv(outstanding, driver.amount, loan.liquidationLtvPct, other),
      };
    },
  });
}
