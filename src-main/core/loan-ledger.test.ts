import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Loan } from '#api/records';
import { addMonths } from './calendar';
import { loanLedger } from './loan-ledger';
import { sampleLoan } from './test-fixtures/sample-records';

// The one accrual rule (docs/formulas-loans.md): the balance, the schedule and the next
// payment read from one walk, so they agree at every date.

const at = (date: string) => new Date(`${date}T00:00:00Z`);

/** Pays every row exactly as the schedule shows it, on its date. */
function paidAsScheduled(loan: Loan): Loan {
  const payments: Loan['payments'] = [];
  for (let k = 0; k < 700; k++) {
    const ledger = loanLedger({ ...loan, payments }, at(loan.startDate));
    const row = ledger.rows.find((r) => !payments.some((p) => p.date === r.date) && r.bill.gt(0));
    if (!row) break;
    payments.push({ id: `p${k}`, date: row.date, amount: row.bill.toFixed(2) });
  }
  return { ...loan, payments };
}

const loanArb = fc.record({
  start: fc.date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
  aprBp: fc.integer({ min: 0, max: 4000 }),
  term: fc.integer({ min: 1, max: 48 }),
  principalCents: fc.integer({ min: 100_00, max: 2_000_000_00 }),
  dayCount: fc.constantFrom(365 as const, 360 as const, 'actual' as const),
  repayment: fc.constantFrom('bullet' as const, 'interest-only' as const, 'amortizing' as const),
});

type LoanCase = typeof loanArb extends fc.Arbitrary<infer T> ? T : never;

function loanOf(v: LoanCase): Loan {
  return sampleLoan({
    startDate: v.start.toISOString().slice(0, 10),
    aprPct: (v.aprBp / 100).toFixed(2),
    termMonths: v.term,
    principal: (v.principalCents / 100).toFixed(2),
    dayCount: v.dayCount,
    repayment: v.repayment,
  });
}

describe('one accrual rule', () => {
  it('ACT/ACT splits a period at the new year: $100,000 at 10 % from 2023-12-01 to 2024-02-01 → 1,696.31', () => {
    // ISDA ACT/ACT: 31 days / 365 + 31 days / 366 → 100,000 × 0.1 × (31/365 + 31/366) = 1,696.31.
    const loan = sampleLoan({
      principal: '100000',
      aprPct: '10',
      dayCount: 'actual',
      startDate: '2023-12-01',
    });
    expect(loanLedger(loan, at('2024-02-01')).accruedInterest.toFixed(2)).toBe('1696.31');
  });

  it('a bullet prepayment lowers later interest, and the maturity row is exactly what is owed', () => {
    // $365,000 at 10 % ACT/365, 2 months from 2024-01-01. On 2024-01-16 (15 days: 1,500.00
    // interest) $101,500 pays that interest and $100,000 of principal; the 45 days left
    // accrue on $265,000: 3,267.12. The maturity row: 265,000 + 3,267.12.
    const loan = sampleLoan({
      principal: '365000',
      aprPct: '10',
      termMonths: 2,
      payments: [{ date: '2024-01-16', amount: '101500' }],
    });
    const ledger = loanLedger(loan, at('2024-01-20'));
    expect(ledger.principalBalance.toFixed(2)).toBe('265000.00');
    expect(ledger.nextPayment?.date).toBe('2024-03-01');
    expect(ledger.nextPayment?.amount.toFixed(2)).toBe('268267.12');
    expect(ledger.rows.at(-1)?.bill.toFixed(2)).toBe('268267.12');
    const paid = loanLedger(
      {
        ...loan,
        payments: [...loan.payments, { id: 'end', date: '2024-03-01', amount: '268267.12' }],
      },
      at('2024-03-02'),
    );
    expect(paid.outstanding.toFixed(2)).toBe('0.00');
    expect(paid.overpayments).toEqual([]);
    expect(paid.nextPayment).toBeNull();
  });

  it('after maturity the whole balance is due and the next payment is never null', () => {
    const loan = sampleLoan({ repayment: 'interest-only', termMonths: 2 });
    const late = loanLedger(loan, at('2024-05-01'));
    expect(late.nextPayment?.date).toBe('2024-02-01');
    expect(late.nextPayment?.amount.toFixed(2)).toBe(late.outstanding.toFixed(2));
  });

  it('paying every row on its date ends at exactly 0.00 for any start date, APR, term and day count (property)', () => {
    fc.assert(
      fc.property(loanArb, (v) => {
        const loan = paidAsScheduled(loanOf(v));
        const end = addMonths(loan.startDate, loan.termMonths);
        const ledger = loanLedger(loan, at(end));
        expect(ledger.outstanding.toFixed(2)).toBe('0.00');
        expect(ledger.overpayments).toEqual([]);
        expect(ledger.nextPayment).toBeNull();
        expect(ledger.rows.every((r) => r.paid)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a prepayment never raises any later payment, and nextPayment is never null while owed (property)', () => {
    fc.assert(
      fc.property(
        loanArb,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 100 }),
        (v, dayOffset, sharePct) => {
          const loan = loanOf(v);
          const end = addMonths(loan.startDate, loan.termMonths);
          const prepayDate = new Date(at(loan.startDate).getTime() + dayOffset * 86_400_000)
            .toISOString()
            .slice(0, 10);
          if (prepayDate >= end) return;
          const asOf = at(prepayDate);
          const owed = loanLedger(loan, asOf).outstanding;
          const amount = owed.mul(sharePct).div(100).toDecimalPlaces(2, 1);
          if (amount.lte(0)) return;
          const prepaid = {
            ...loan,
            payments: [{ id: 'x', date: prepayDate, amount: amount.toFixed(2) }],
          };
          const before = loanLedger(loan, asOf).rows.filter((r) => r.date > prepayDate);
          const after = loanLedger(prepaid, asOf).rows.filter((r) => r.date > prepayDate);
          after.forEach((row, i) => expect(row.bill.lte(before[i]!.bill)).toBe(true));
          const ledger = loanLedger(prepaid, asOf);
          if (ledger.outstanding.gt('0.005')) expect(ledger.nextPayment).not.toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });
});
