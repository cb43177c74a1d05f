import { describe, expect, it } from 'vitest';
import { paymentAgainstLoanSchema, type PaymentBounds } from './loan-payment-checks';

const loan = { startDate: '2026-03-01', outstanding: '1000.5', currency: 'USDT' };

function issues(payment: { date: string; amount: string }, bounds: PaymentBounds = loan) {
  const checked = paymentAgainstLoanSchema(bounds).safeParse(payment);
  return checked.success
    ? []
    : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('a payment checked against its loan', () => {
  it('accepts a payment within the balance, on or after the start', () => {
    expect(issues({ date: '2026-03-01', amount: '1000.5' })).toEqual([]);
  });

  it('refuses a payment dated before the loan started, saying when it started', () => {
    expect(issues({ date: '2026-02-28', amount: '10' })).toEqual([
      'date: The loan started on 2026-03-01; a payment cannot be dated before that.',
    ]);
  });

  it('refuses a payment larger than what the loan owes now, naming the balance', () => {
    expect(issues({ date: '2026-04-01', amount: '1000.51' })).toEqual([
      'amount: That is more than the 1,000.50 USDT the loan owes now.',
    ]);
  });

  it('counts the corrected payment’s own amount as owed again', () => {
    expect(issues({ date: '2026-04-01', amount: '1200' }, { ...loan, replacing: '200' })).toEqual(
      [],
    );
  });
});
