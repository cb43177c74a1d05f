import { randomUUID } from 'node:crypto';
import { RpcError } from '#api/errors';
import type { Loan, LoanPayment } from '#api/records';
import { loanLedger } from '#core/loan-ledger';
import { decStr } from '#shared/decimal';
import { formatNumber } from '#shared/format';
import type { ServiceContext } from './context';

// Payments of a loan: add, correct, remove. A payment is dated on or after the loan's
// start, and never pays more than the loan owes on its date (an overpayment is almost
// always a typo); the whole list is checked after each change, so correcting an early
// payment cannot turn a later one into an overpayment unnoticed. Nothing changes on a
// refused payment.

function findLoan(ctx: ServiceContext, id: string): Loan {
  const loan = ctx.store.data.loans.find((l) => l.id === id);
  if (!loan)
    throw new RpcError('not_found', `No loan has the id "${id}"; it may have been removed.`);
  return loan;
}

function findPayment(loan: Loan, paymentId: string): LoanPayment {
  const payment = loan.payments.find((p) => p.id === paymentId);
  if (!payment) {
    throw new RpcError(
      'not_found',
      `The loan from ${loan.lender} has no payment with the id "${paymentId}"; it may have been removed.`,
    );
  }
  return payment;
}

function byDate(payments: readonly LoanPayment[]): LoanPayment[] {
  return [...payments].sort((a, b) => a.date.localeCompare(b.date));
}

/** Refuses a payment list the loan could not have received. */
function checkPayments(loan: Loan, payments: readonly LoanPayment[], changedId: string): void {
  const changed = payments.find((p) => p.id === changedId);
  if (changed && changed.date < loan.startDate) {
    throw new RpcError(
      'invalid_params',
      `A payment cannot be dated before the loan started (${loan.startDate}).`,
      { issues: [{ path: 'date', message: `On or after ${loan.startDate}.` }] },
    );
  }
  const lastDate = payments.reduce((last, p) => (p.date > last ? p.date : last), loan.startDate);
  const ledger = loanLedger(
    { ...loan, payments: [...payments] },
    new Date(`${lastDate}T00:00:00Z`),
  );
  const over = ledger.overpayments[0];
  if (over) {
    const owed = formatNumber(decStr(over.owed, 2), 2, 2);
    const which = over.paymentId === changedId ? 'That payment' : `The payment of ${over.date}`;
    throw new RpcError(
      'invalid_params',
      `${which} is more than the ${owed} ${loan.currency} the loan owed on ${over.date}.`,
      { issues: [{ path: 'amount', message: `At most ${decStr(over.owed, 2)}.` }] },
    );
  }
}

async function writePayments(
  ctx: ServiceContext,
  loan: Loan,
  payments: LoanPayment[],
): Promise<Loan> {
  await ctx.store.update((db) => {
    const target = db.loans.find((l) => l.id === loan.id);
    if (!target) throw new RpcError('not_found', `No loan has the id "${loan.id}".`);
    target.payments = payments;
  });
  await ctx.changed();
  return structuredClone(findLoan(ctx, loan.id));
}

export async function addLoanPayment(
  ctx: ServiceContext,
  params: { id: string; date: string; amount: string },
): Promise<Loan> {
  const loan = findLoan(ctx, params.id);
  const payment = { id: `pay-${randomUUID()}`, date: params.date, amount: params.amount };
  const payments = byDate([...loan.payments, payment]);
  checkPayments(loan, payments, payment.id);
  return writePayments(ctx, loan, payments);
}

export async function updateLoanPayment(
  ctx: ServiceContext,
  params: { id: string; paymentId: string; date?: string | undefined; amount?: string | undefined },
): Promise<Loan> {
  const loan = findLoan(ctx, params.id);
  const old = findPayment(loan, params.paymentId);
  const updated = {
    id: old.id,
    date: params.date ?? old.date,
    amount: params.amount ?? old.amount,
  };
  const payments = byDate(loan.payments.map((p) => (p.id === old.id ? updated : p)));
  checkPayments(loan, payments, old.id);
  return writePayments(ctx, loan, payments);
}

export async function removeLoanPayment(
  ctx: ServiceContext,
  params: { id: string; paymentId: string },
): Promise<Loan> {
  const loan = findLoan(ctx, params.id);
  findPayment(loan, params.paymentId);
  return writePayments(
    ctx,
    loan,
    loan.payments.filter((p) => p.id !== params.paymentId),
  );
}
