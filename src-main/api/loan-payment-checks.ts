import { dec } from '#shared/decimal';
import { formatNumber } from '#shared/format';
import { loanPaymentSchema } from './loan';

// A payment as the payment form checks it against its loan, before anything is sent: not
// dated before the loan started, and not more than the loan owes now (plus, when a
// payment is corrected, what that payment already paid). The service checks the exact
// amount owed on the payment's date (service/loan-payments.ts); this catches the usual
// typo where the person types it.

export interface PaymentBounds {
  startDate: string;
  /** What the loan owes now (LoanView.outstanding), a decimal string. */
  outstanding: string;
  currency: string;
  /** When correcting a payment: its current amount, which the loan would owe again. */
  replacing?: string;
}

export function paymentAgainstLoanSchema(loan: PaymentBounds) {
  return loanPaymentSchema.omit({ id: true }).superRefine((payment, ctx) => {
    if (payment.date < loan.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `The loan started on ${loan.startDate}; a payment cannot be dated before that.`,
      });
    }
    const owed = dec(loan.outstanding).plus(loan.replacing ?? '0');
    if (dec(payment.amount).gt(owed)) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `That is more than the ${formatNumber(owed.toFixed(2), 2, 2)} ${loan.currency} the loan owes now.`,
      });
    }
  });
}
