import type { ScheduleRow } from '#api/methods';
import type { Loan } from '#api/records';
import { addMonths, daysBetween, isoDateOf } from './calendar';
import { D, type Dec, HUNDRED, ONE, ZERO, dec, decStr, minDec } from '#shared/decimal';
import { loanBalance, simpleInterest } from './loans';

// The contractual payment plan of a loan, by repayment type (docs/formulas-loans.md), and which
// rows the payments made so far have covered.

type LoanTerms = Pick<
  Loan,
  'principal' | 'aprPct' | 'dayCount' | 'startDate' | 'termMonths' | 'repayment' | 'payments'
>;

interface PlannedRow {
  date: string;
  payment: Dec;
  interest: Dec;
  principal: Dec;
  balance: Dec;
}

/** A cent of slack so a payment rounded to cents still covers its row. */
const CENT_TOLERANCE = new D('0.005');

/**
 * A scheduled amount in whole cents. Lenders bill in cents, and the operator pays what the
 * schedule shows: an unrounded plan (1,199.10105… a month) would leave a growing fraction of
 * a cent short on every row, until a row already paid shows up as overdue.
 */
function toCents(amount: Dec): Dec {
  return amount.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Level monthly payment of an amortizing loan. */
export function amortizingPayment(principal: Dec, aprPct: Dec | string, months: number): Dec {
  const r = dec(aprPct).div(HUNDRED).div(12);
  if (r.isZero()) return principal.div(months);
  // docs/formulas-loans.md (standard annuity formula): payment = P·r / (1 − (1 + r)^−n), r = APR / 12.
  return principal.mul(r).div(ONE.minus(ONE.plus(r).pow(-months)));
}

function bulletPlan(loan: LoanTerms): PlannedRow[] {
  const principal = dec(loan.principal);
  const end = addMonths(loan.startDate, loan.termMonths);
  // Bullet: principal and all simple interest for the term fall due at the end.
  const interest = toCents(
    simpleInterest(principal, loan.aprPct, daysBetween(loan.startDate, end), loan.dayCount),
  );
  return [{ date: end, payment: principal.plus(interest), interest, principal, balance: ZERO }];
}

function interestOnlyPlan(loan: LoanTerms): PlannedRow[] {
  const principal = dec(loan.principal);
  const rows: PlannedRow[] = [];
  let from = loan.startDate;
  for (let k = 1; k <= loan.termMonths; k++) {
    const date = addMonths(loan.startDate, k);
    // Interest-only: each month pays the interest accrued over its days; the principal at the end.
    const interest = toCents(
      simpleInterest(principal, loan.aprPct, daysBetween(from, date), loan.dayCount),
    );
    const last = k === loan.termMonths;
    const toPrincipal = last ? principal : ZERO;
    rows.push({
      date,
      payment: interest.plus(toPrincipal),
      interest,
      principal: toPrincipal,
      balance: last ? ZERO : principal,
    });
    from = date;
  }
  return rows;
}

function amortizingPlan(loan: LoanTerms): PlannedRow[] {
  const r = dec(loan.aprPct).div(HUNDRED).div(12);
  // Standard amortisation table: the level payment and each month's interest in cents; the
  // last row pays the balance left, so the plan ends at exactly 0.00.
  const level = toCents(amortizingPayment(dec(loan.principal), loan.aprPct, loan.termMonths));
  const rows: PlannedRow[] = [];
  let balance = dec(loan.principal);
  for (let k = 1; k <= loan.termMonths; k++) {
    const interest = toCents(balance.mul(r));
    const toPrincipal = k === loan.termMonths ? balance : minDec(level.minus(interest), balance);
    balance = balance.minus(toPrincipal);
    rows.push({
      date: addMonths(loan.startDate, k),
      payment: interest.plus(toPrincipal),
      interest,
      principal: toPrincipal,
      balance,
    });
  }
  return rows;
}

function plannedRows(loan: LoanTerms): PlannedRow[] {
  switch (loan.repayment) {
    case 'bullet':
      return bulletPlan(loan);
    case 'interest-only':
      return interestOnlyPlan(loan);
    case 'amortizing':
      return amortizingPlan(loan);
  }
}

interface CoveredRow extends PlannedRow {
  paid: boolean;
  /** What is still owed on this row after the payments made so far. */
  due: Dec;
}

function coveredRows(loan: LoanTerms, asOf: Date): CoveredRow[] {
  const { paidTotal } = loanBalance(loan, asOf);
  let cumulative = ZERO;
  return plannedRows(loan).map((row) => {
    const before = cumulative;
    // Lenders bill each row in cents, so the rows add up in cents: nine interest payments
    // paid exactly as billed must cover nine rows, whatever the sub-cent remainders.
    cumulative = cumulative.plus(row.payment.toDecimalPlaces(2, D.ROUND_HALF_UP));
    // A row is paid once the payments made by asOf cover every scheduled amount up to it.
    const paid = paidTotal.plus(CENT_TOLERANCE).gte(cumulative);
    const covered = paidTotal.gt(before) ? paidTotal.minus(before) : ZERO;
    return { ...row, paid, due: paid ? ZERO : row.payment.minus(covered) };
  });
}

/** The payment plan with each row marked paid or not as of `asOf`; amounts in cents. */
export function loanSchedule(loan: LoanTerms, asOf: Date): ScheduleRow[] {
  return coveredRows(loan, asOf).map((row) => ({
    date: row.date,
    payment: decStr(row.payment, 2),
    interest: decStr(row.interest, 2),
    principal: decStr(row.principal, 2),
    balance: decStr(row.balance, 2),
    paid: row.paid,
  }));
}

/**
 * The first scheduled payment not yet covered (it may be overdue); null once the loan is
 * repaid or every scheduled row is covered. From the maturity date on, everything
 * outstanding is due — including the interest that kept accruing after maturity.
 */
export function nextPayment(loan: LoanTerms, asOf: Date): { date: string; amount: Dec } | null {
  const { outstanding } = loanBalance(loan, asOf);
  if (outstanding.lte(CENT_TOLERANCE)) return null;
  const rows = coveredRows(loan, asOf);
  const row = rows.find((r) => !r.paid);
  if (!row) return null;
  const maturity = rows.at(-1)?.date;
  const matured = maturity !== undefined && isoDateOf(asOf) >= maturity;
  return { date: row.date, amount: matured ? outstanding : row.due };
}
