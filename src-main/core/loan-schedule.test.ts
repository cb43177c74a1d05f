import { describe, expect, it } from 'vitest';
import { addMonths } from './calendar';
import { dec, decStr } from '#shared/decimal';
import { amortizingPayment, loanSchedule, nextPayment } from './loan-schedule';
import { sampleLoan } from './test-fixtures/sample-records';

describe('amortizing payment P·r / (1 − (1 + r)^−n)', () => {
  it('the textbook 30-year mortgage: $200,000 at 6 % → $1,199.10 a month', () => {
    expect(decStr(amortizingPayment(dec('200000'), '6', 360), 2)).toBe('1199.1');
  });

  it('a 5-year equipment loan: $20,000 at 6 % → $386.66 a month', () => {
    expect(decStr(amortizingPayment(dec('20000'), '6', 60), 2)).toBe('386.66');
  });

  it('a 3-year loan: $100,000 at 8 % → $3,133.64 a month; 0 % splits the principal evenly', () => {
    expect(decStr(amortizingPayment(dec('100000'), '8', 36), 2)).toBe('3133.64');
    expect(amortizingPayment(dec('1200'), '0', 12).toFixed()).toBe('100');
  });
});

describe('loanSchedule', () => {
  const asOf = new Date('2024-01-15T00:00:00Z');

  it('amortizing: level payments that bring the balance to exactly 0', () => {
    const loan = sampleLoan({
      principal: '100000',
      aprPct: '8',
      termMonths: 36,
      repayment: 'amortizing',
    });
    const rows = loanSchedule(loan, asOf);
    expect(rows).toHaveLength(36);
    expect(rows[0]).toMatchObject({
      date: '2024-02-01',
      payment: '3133.64',
      interest: '666.67',
      principal: '2466.97',
      balance: '97533.03',
      paid: false,
    });
    expect(rows.at(-1)?.balance).toBe('0');
    const principalPaid = rows.reduce((sum, r) => sum.plus(dec(r.principal)), dec(0));
    expect(principalPaid.toDecimalPlaces(0).toFixed()).toBe('100000');
  });

  it('interest-only: monthly interest for the days in each month, principal at the end', () => {
    const loan = sampleLoan({
      principal: '365000',
      aprPct: '10',
      dayCount: 365,
      termMonths: 3,
      repayment: 'interest-only',
    });
    const rows = loanSchedule(loan, asOf);
    expect(rows.map((r) => [r.date, r.payment])).toEqual([
      ['2024-02-01', '3100'],
      ['2024-03-01', '2900'],
      ['2024-04-01', '368100'],
    ]);
  });

  it('bullet: principal and interest in one payment at the end of the term', () => {
    const loan = sampleLoan({ principal: '365000', aprPct: '10', dayCount: 365, termMonths: 1 });
    expect(loanSchedule(loan, asOf)).toEqual([
      {
        date: '2024-02-01',
        payment: '368100',
        interest: '3100',
        principal: '365000',
        balance: '0',
        paid: false,
        due: '368100',
        projected: true,
      },
    ]);
  });

  it('marks rows paid as payments cover them, and the next payment is what is left', () => {
    const loan = sampleLoan({
      principal: '365000',
      aprPct: '10',
      termMonths: 3,
      repayment: 'interest-only',
      payments: [
        { date: '2024-02-01', amount: '3100' },
        { date: '2024-03-01', amount: '1000' },
      ],
    });
    const at = new Date('2024-03-05T00:00:00Z');
    expect(loanSchedule(loan, at).map((r) => r.paid)).toEqual([true, false, false]);
    expect(nextPayment(loan, at)).toEqual({ date: '2024-03-01', amount: dec('1900') });
  });

  it('an operator who pays the scheduled amount each month is never shown a paid row as overdue', () => {
    // Standard amortisation table (e.g. the CFPB / textbook mortgage): $200,000 at 6 % for 30
    // years bills $1,199.10 a month, in cents. Five payments of $1,199.10 cover five rows.
    const dates = ['2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01'];
    const loan = sampleLoan({
      principal: '200000',
      aprPct: '6',
      termMonths: 360,
      repayment: 'amortizing',
      payments: dates.map((date) => ({ date, amount: '1199.10' })),
    });
    const at = new Date('2024-06-02T00:00:00Z');
    expect(
      loanSchedule(loan, at)
        .map((r) => r.paid)
        .slice(0, 6),
    ).toEqual([true, true, true, true, true, false]);
    expect(nextPayment(loan, at)).toEqual({ date: '2024-07-01', amount: dec('1199.10') });
  });

  it('amortizing rows are in cents and the last row clears the balance to 0.00', () => {
    // $10,000 at 12 % over 12 months: payment 10,000 × 0.01 / (1 − 1.01^−12) = 888.49;
    // row 1 interest 100.00, principal 788.49; the last row pays the 879.67 left + 8.80 = 888.47.
    const rows = loanSchedule(
      sampleLoan({ principal: '10000', aprPct: '12', termMonths: 12, repayment: 'amortizing' }),
      asOf,
    );
    expect(rows[0]).toMatchObject({ payment: '888.49', interest: '100', principal: '788.49' });
    for (const row of rows) {
      expect(dec(row.interest).plus(dec(row.principal)).toFixed(2)).toBe(
        dec(row.payment).toFixed(2),
      );
    }
    expect(rows.reduce((sum, r) => sum.plus(dec(r.principal)), dec(0)).toFixed(2)).toBe('10000.00');
    expect(rows.at(-1)?.balance).toBe('0');
  });

  it('after maturity everything outstanding is due, including interest accrued since', () => {
    // Bullet $500,000 at 12 %, 2024-01-01 for 12 months: due 2025-01-01 = 500,000 + 60,164.38.
    // Unpaid on 2025-03-01, 424 days have accrued: 500,000 × 0.12 × 424 / 365 = 69,863.01.
    const loan = sampleLoan({});
    expect(nextPayment(loan, new Date('2025-01-01T12:00:00Z'))?.amount.toFixed(2)).toBe(
      '560164.38',
    );
    const late = nextPayment(loan, new Date('2025-03-01T00:00:00Z'));
    expect(late?.date).toBe('2025-01-01');
    expect(late?.amount.toFixed(2)).toBe('569863.01');
  });

  it('has no next payment once the loan is repaid', () => {
    const loan = sampleLoan({
      principal: '365000',
      aprPct: '10',
      termMonths: 1,
      payments: [{ date: '2024-02-01', amount: '368100' }],
    });
    expect(nextPayment(loan, new Date('2024-02-02T00:00:00Z'))).toBeNull();
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });
});

describe('payments made exactly as billed', () => {
  it('cover every billed row, with no cent left over as "due"', () => {
    // $250,000 at 11.5 % interest-only from 2026-02-01: nine monthly bills rounded to cents.
    const loan = sampleLoan({
      principal: '250000',
      aprPct: '11.5',
      startDate: '2026-02-01',
      termMonths: 24,
      repayment: 'interest-only',
    });
    const asOf = new Date('2026-11-24T12:00:00Z');
    const billed = loanSchedule(loan, asOf).filter((row) => row.date < '2026-11-24');
    expect(billed).toHaveLength(9);
    const paidAsBilled = {
      ...loan,
      payments: billed.map((row, i) => ({ id: `p${i}`, date: row.date, amount: row.payment })),
    };
    expect(
      loanSchedule(paidAsBilled, asOf)
        .filter((row) => row.date < '2026-11-24')
        .every((row) => row.paid),
    ).toBe(true);
    expect(nextPayment(paidAsBilled, asOf)?.date).toBe('2026-12-01');
  });
});
