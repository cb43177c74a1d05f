import type { ScheduleRow } from '#api/methods';
import { type Dec, decStr } from '#shared/decimal';
import { type LedgerTerms, loanLedger } from './loan-ledger';

export { amortizingPayment } from './loan-ledger';

// The payment plan of a loan as the contract shows it: rows read from the one accrual
// rule (loan-ledger.ts), so the schedule, the balance and the next payment agree.

/** Each due date with what it bills, what is left to pay on it, and the balance after it. */
export function loanSchedule(loan: LedgerTerms, asOf: Date): ScheduleRow[] {
  return loanLedger(loan, asOf).rows.map((row) => ({
    date: row.date,
    payment: decStr(row.bill, 2),
    interest: decStr(row.interest, 2),
    principal: decStr(row.principal, 2),
    balance: decStr(row.balance, 2),
    paid: row.paid,
    due: decStr(row.due, 2),
    projected: row.projected,
  }));
}

/**
 * What to pay next: the rows already due and unpaid, else the next row that bills
 * anything; from the maturity date on, everything owed. Null only once nothing is owed.
 */
export function nextPayment(loan: LedgerTerms, asOf: Date): { date: string; amount: Dec } | null {
  return loanLedger(loan, asOf).nextPayment;
}
