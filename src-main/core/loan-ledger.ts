import type { Loan } from '#api/records';
import { D, type Dec, HUNDRED, ONE, ZERO, dec, maxDec, minDec } from '#shared/decimal';
import { addMonths, daysBetween, isoDateOf } from './calendar';
import { dailyInterest } from './day-count';

// The one accrual rule of a loan (docs/formulas-loans.md "One accrual rule"). The balance,
// the schedule, the next payment and the report are all read from this one walk through
// the loan's life, so they cannot disagree:
// - amortizing loans accrue APR/12 per monthly period on the principal (30/360 per period;
//   a part of a period earns its share of the period's days), posted in cents at each
//   period's end;
// - bullet and interest-only loans accrue daily on the principal actually outstanding at
//   APR × year fraction (ACT/365, ACT/360 or ACT/ACT), posted in cents on each due date;
// - a payment first pays the interest accrued to its date (whole cents), then principal;
// - each due date bills what brings the loan back onto its plan: the unpaid interest
//   (interest-only), the contract balance curve (amortizing: extra principal puts the loan
//   ahead of plan) or everything (the last row). Billing never counts an amount twice:
//   earlier unpaid rows stay due on their own dates.

export type LedgerTerms = Pick<
  Loan,
  'principal' | 'aprPct' | 'dayCount' | 'startDate' | 'termMonths' | 'repayment' | 'payments'
>;

export interface LedgerRow {
  date: string;
  /** What this row asks for on its date (earlier unpaid rows are not included). */
  bill: Dec;
  interest: Dec;
  principal: Dec;
  /** Principal balance at the end of the row's date. */
  balance: Dec;
  /** Left to pay on this row after the payments made so far. */
  due: Dec;
  paid: boolean;
  /** After asOf: computed as if every row from now on is paid on its date. */
  projected: boolean;
}

export interface Overpayment {
  paymentId: string;
  date: string;
  owed: Dec;
}

export interface LoanLedger {
  principalBalance: Dec;
  /** Interest accrued and not yet paid, as of the end of asOf's date. */
  accruedInterest: Dec;
  outstanding: Dec;
  /** Sum of the payments dated on or before asOf. */
  paidTotal: Dec;
  /** Interest accrued since the start, paid or not, to asOf. */
  interestToDate: Dec;
  rows: LedgerRow[];
  nextPayment: { date: string; amount: Dec } | null;
  maturityDate: string;
  /** Payments (on or before asOf) that were more than the loan owed on their date. */
  overpayments: Overpayment[];
}

/** Half a cent: below it a balance is settled. */
export const SETTLED = new D('0.005');

export function toCents(amount: Dec): Dec {
  return amount.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Level monthly payment of an amortizing loan, unrounded. */
export function amortizingPayment(principal: Dec, aprPct: Dec | string, months: number): Dec {
  const r = dec(aprPct).div(HUNDRED).div(12);
  if (r.isZero()) return principal.div(months);
  // docs/formulas-loans.md "Amortizing payment": A = P·r / (1 − (1 + r)^−n), r = APR / 12.
  return principal.mul(r).div(ONE.minus(ONE.plus(r).pow(-months)));
}

function monthlyRate(loan: LedgerTerms): Dec {
  return dec(loan.aprPct).div(HUNDRED).div(12);
}

/** Due dates: the maturity only for a bullet loan, else one per month. */
export function dueDates(loan: Pick<LedgerTerms, 'startDate' | 'termMonths' | 'repayment'>) {
  if (loan.repayment === 'bullet') return [addMonths(loan.startDate, loan.termMonths)];
  return Array.from({ length: loan.termMonths }, (_, i) => addMonths(loan.startDate, i + 1));
}

/** The contract balance after each row of an amortizing loan paid exactly as billed. */
function amortizingCurve(loan: LedgerTerms): Dec[] {
  const r = monthlyRate(loan);
  const level = toCents(amortizingPayment(dec(loan.principal), loan.aprPct, loan.termMonths));
  const curve: Dec[] = [];
  let balance = dec(loan.principal);
  for (let k = 1; k <= loan.termMonths; k++) {
    const interest = toCents(balance.mul(r));
    const payment =
      k < loan.termMonths ? minDec(level, balance.plus(interest)) : balance.plus(interest);
    balance = balance.plus(interest).minus(payment);
    curve.push(balance);
  }
  return curve;
}

interface OpenRow {
  date: string;
  due: Dec;
}

/** The walk itself: state, and the three things that move it. */
function ledgerWalk(loan: LedgerTerms) {
  const amortizing = loan.repayment === 'amortizing';
  const r = monthlyRate(loan);
  const curve = amortizing ? amortizingCurve(loan) : [];
  const dates = dueDates(loan);
  const s = {
    principal: dec(loan.principal),
    /** Posted (cents) and unpaid interest. */
    interest: ZERO,
    /** Accrued since the last posting, unrounded. */
    pending: ZERO,
    posted: ZERO,
    cursor: loan.startDate,
    period: 0,
    paid: ZERO,
    open: [] as OpenRow[],
    overpayments: [] as Overpayment[],
  };
  const boundary = (k: number) => (k === 0 ? loan.startDate : addMonths(loan.startDate, k));

  /**
   * Moves accrued interest into the billed bucket in cents. A due date rounds it (half up);
   * a payment between due dates takes only the whole cents and leaves the fraction to the
   * next due date, so paying early never adds a rounding cent to the bill.
   */
  const post = (rounding: 'due-date' | 'payment' = 'due-date') => {
    const cents =
      rounding === 'due-date' ? toCents(s.pending) : s.pending.toDecimalPlaces(2, D.ROUND_DOWN);
    s.interest = s.interest.plus(cents);
    s.posted = s.posted.plus(cents);
    // A due date bills the rounded amount: the half cent rounded away is settled with it.
    s.pending = rounding === 'due-date' ? ZERO : s.pending.minus(cents);
  };

  const accrueTo = (date: string) => {
    while (s.cursor < date) {
      if (!amortizing) {
        s.pending = s.pending.plus(
          dailyInterest(s.principal, loan.aprPct, s.cursor, date, loan.dayCount),
        );
        s.cursor = date;
        return;
      }
      // 30/360 per period: a whole period earns exactly APR/12; a part earns its share of days.
      while (boundary(s.period + 1) <= s.cursor) s.period += 1;
      const start = boundary(s.period);
      const end = boundary(s.period + 1);
      const until = date < end ? date : end;
      const whole = s.cursor === start && until === end;
      s.pending = s.pending.plus(
        whole
          ? s.principal.mul(r)
          : s.principal.mul(r).mul(daysBetween(s.cursor, until)).div(daysBetween(start, end)),
      );
      s.cursor = until;
      if (until === end) post();
    }
  };

  const pay = (id: string, date: string, amount: Dec) => {
    accrueTo(date);
    post('payment');
    const owed = s.principal.plus(s.interest).plus(s.pending);
    if (amount.gt(owed.plus(SETTLED))) s.overpayments.push({ paymentId: id, date, owed });
    const toInterest = minDec(amount, s.interest);
    s.interest = s.interest.minus(toInterest);
    s.principal = s.principal.minus(minDec(amount.minus(toInterest), s.principal));
    s.paid = s.paid.plus(amount);
    let left = amount;
    for (const row of s.open) {
      const covered = minDec(left, row.due);
      row.due = row.due.minus(covered);
      left = left.minus(covered);
    }
    s.open = s.open.filter((row) => row.due.gt(SETTLED));
  };

  /** Bills row `index` (0-based) on its date. */
  const bill = (index: number, projected: boolean): LedgerRow & OpenRow => {
    const date = dates[index]!;
    accrueTo(date);
    post();
    const last = index === dates.length - 1;
    const arrears = s.open.reduce((sum, row) => sum.plus(row.due), ZERO);
    const target = last ? ZERO : amortizing ? curve[index]! : s.principal;
    const amount = maxDec(s.principal.plus(s.interest).minus(target).minus(arrears), ZERO);
    const interest = minDec(amount, maxDec(s.interest.minus(arrears), ZERO));
    const settled = amount.lte(SETTLED);
    const row = {
      date,
      bill: amount,
      interest,
      principal: amount.minus(interest),
      balance: s.principal,
      due: settled ? ZERO : amount,
      paid: settled,
      projected,
    };
    if (!settled) s.open.push(row);
    return row;
  };

  return { s, dates, accrueTo, pay, bill };
}

/** The loan as of the end of asOf's UTC date, with its schedule and its next payment. */
export function loanLedger(loan: LedgerTerms, asOf: Date): LoanLedger {
  const asOfDate = isoDateOf(asOf);
  const walk = ledgerWalk(loan);
  const { s, dates } = walk;
  const payments = loan.payments
    .filter((p) => p.date <= asOfDate)
    .sort((a, b) => a.date.localeCompare(b.date));

  const rows: LedgerRow[] = [];
  let next = 0;
  let p = 0;
  while (true) {
    const rowDate = next < dates.length && dates[next]! <= asOfDate ? dates[next]! : null;
    const payDate = p < payments.length ? payments[p]!.date : null;
    if (rowDate === null && payDate === null) break;
    // A row is billed at the start of its date; that day's payments then count towards it.
    const date = rowDate !== null && (payDate === null || rowDate <= payDate) ? rowDate : payDate!;
    const row = rowDate === date ? walk.bill(next++, false) : null;
    while (p < payments.length && payments[p]!.date === date) {
      const payment = payments[p++]!;
      walk.pay(payment.id, payment.date, dec(payment.amount));
    }
    if (row) {
      row.balance = s.principal;
      rows.push(row);
    }
  }
  walk.accrueTo(asOfDate);

  const principalBalance = s.principal;
  const accruedInterest = s.interest.plus(s.pending);
  const outstanding = principalBalance.plus(accruedInterest);
  const interestToDate = s.posted.plus(s.pending);
  const paidTotal = s.paid;
  const overpayments = [...s.overpayments];
  // Freeze the rows as they stand at asOf; the projection below pays them off.
  const past = rows.map((row) => ({ ...row, paid: row.due.lte(SETTLED) }));
  const arrears = s.open.map((row) => ({ date: row.date, due: row.due }));

  const projected: LedgerRow[] = [];
  while (next < dates.length) {
    const row = walk.bill(next++, true);
    const owedNow = s.open.reduce((sum, open) => sum.plus(open.due), ZERO);
    if (owedNow.gt(0)) walk.pay('projected', row.date, owedNow);
    projected.push({ ...row, balance: s.principal, due: row.bill, paid: false });
  }

  const maturityDate = dates.at(-1)!;
  let nextPayment: LoanLedger['nextPayment'] = null;
  if (outstanding.gt(SETTLED)) {
    if (asOfDate >= maturityDate) {
      nextPayment = { date: arrears[0]?.date ?? maturityDate, amount: toCents(outstanding) };
    } else if (arrears.length > 0) {
      const total = arrears.reduce((sum, row) => sum.plus(row.due), ZERO);
      nextPayment = { date: arrears[0]!.date, amount: total };
    } else {
      const upcoming = projected.find((row) => row.bill.gt(SETTLED));
      nextPayment = upcoming
        ? { date: upcoming.date, amount: upcoming.bill }
        : { date: maturityDate, amount: toCents(outstanding) };
    }
  }

  return {
    principalBalance,
    accruedInterest,
    outstanding,
    paidTotal,
    interestToDate,
    rows: [...past, ...projected],
    nextPayment,
    maturityDate,
    overpayments,
  };
}
