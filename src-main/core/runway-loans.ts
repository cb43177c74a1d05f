import type { Loan } from '#api/records';
import { type Dec, HUNDRED, ZERO, dec, decStr } from '#shared/decimal';
import { SETTLED, loanLedger } from './loan-ledger';
import { isUsdLike } from './prices';

// A loan along the runway (docs/formulas-risk.md "Runway"): the interest and principal its
// schedule bills in each month, and its LTV at each month's end when every bill is paid
// on its date (what is overdue now is paid today) and the collateral moves with the path.

export interface RunwayMonthSpan {
  /** First day of the span (YYYY-MM-DD) and the day after its last. */
  fromDay: string;
  toDay: string;
}

export interface LoanAlongRunway {
  interest: Dec[];
  principal: Dec[];
  /** LTV % at the end of each month; null when a collateral asset has no price. */
  ltvPct: (Dec | null)[];
}

/** What a loan's schedule bills in each month and what it owes at each month's end. */
interface ScheduleAlongRunway {
  interest: Dec[];
  principal: Dec[];
  outstanding: Dec[];
}

/**
 * The schedule part depends on the loan record, the day and the months only, not on a
 * price: it is worked out once per loan (13 ledgers of its whole schedule) and kept with
 * the record until the day or the months change. A runway asked for every few seconds
 * while prices move, or at another price path, reuses it.
 */
const schedules = new WeakMap<Loan, { key: string; schedule: ScheduleAlongRunway }>();

function scheduleAlongRunway(
  loan: Loan,
  asOf: Date,
  months: readonly RunwayMonthSpan[],
): ScheduleAlongRunway {
  const asOfDay = asOf.toISOString().slice(0, 10);
  const key = `${asOfDay}|${months.map((m) => `${m.fromDay}:${m.toDay}`).join(',')}`;
  const held = schedules.get(loan);
  if (held?.key === key) return held.schedule;
  const ledger = loanLedger(loan, asOf);
  const interest = months.map(() => ZERO);
  const principal = months.map(() => ZERO);
  const synthetic: Loan['payments'] = [];
  let overdue = ZERO;
  for (const row of ledger.rows) {
    if (!row.projected) {
      if (row.due.lte(SETTLED)) continue;
      // A payment pays interest first, so what is left of a row is principal first.
      const principalLeft = row.due.lt(row.principal) ? row.due : row.principal;
      interest[0] = interest[0]!.plus(row.due.minus(principalLeft));
      principal[0] = principal[0]!.plus(principalLeft);
      overdue = overdue.plus(row.due);
      continue;
    }
    const i = months.findIndex((m) => row.date >= m.fromDay && row.date < m.toDay);
    if (i >= 0) {
      interest[i] = interest[i]!.plus(row.interest);
      principal[i] = principal[i]!.plus(row.principal);
    }
    if (row.bill.gt(0)) {
      synthetic.push({ id: `runway-${row.date}`, date: row.date, amount: decStr(row.bill, 2) });
    }
  }
  if (overdue.gt(0))
    synthetic.push({ id: 'runway-overdue', date: asOfDay, amount: decStr(overdue, 2) });
  const paidOnTime = { ...loan, payments: [...loan.payments, ...synthetic] };
  const outstanding = months.map((month) => {
    const lastDay = new Date(Date.parse(`${month.toDay}T00:00:00.000Z`) - 1);
    return loanLedger(paidOnTime, lastDay).outstanding;
  });
  const schedule = { interest, principal, outstanding };
  schedules.set(loan, { key, schedule });
  return schedule;
}

export function loanAlongRunway(args: {
  loan: Loan;
  asOf: Date;
  months: readonly RunwayMonthSpan[];
  /** The collateral price multiplier in month i (the price path). */
  priceFactor: (month: number) => Dec;
  priceOf: (asset: string) => Dec | null;
}): LoanAlongRunway {
  const { loan, asOf, months } = args;
  const { interest, principal, outstanding: owed } = scheduleAlongRunway(loan, asOf, months);
  const ltvPct = months.map((_, i) => {
    const outstanding = owed[i]!;
    let value = ZERO;
    for (const item of loan.collateral) {
      const amount = dec(item.amount);
      if (isUsdLike(item.asset)) {
        value = value.plus(amount);
        continue;
      }
      const price = args.priceOf(item.asset);
      if (price === null) return null;
      value = value.plus(amount.mul(price).mul(args.priceFactor(i)));
    }
    if (outstanding.lte(SETTLED)) return ZERO;
    return value.gt(0) ? outstanding.div(value).mul(HUNDRED) : null;
  });
  return { interest: [...interest], principal: [...principal], ltvPct };
}
