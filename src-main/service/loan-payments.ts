import { RpcError } from '#api/errors';
import type { Loan } from '#api/records';
import { loanBalance } from '#core/loans';
import { dec, decStr } from '#shared/decimal';
import type { ServiceContext } from './context';

// loans.addPayment: a payment is dated, cannot predate the loan, and cannot pay more than
// is owed on its date (an overpayment is almost always a typo in the amount).

export async function addLoanPayment(
  ctx: ServiceContext,
  params: { id: string; date: string; amount: string },
): Promise<Loan> {
  const loan = ctx.store.data.loans.find((l) => l.id === params.id);
  if (!loan)
    throw new RpcError('not_found', `No loan has the id "${params.id}"; it may have been removed.`);
  if (params.date < loan.startDate) {
    throw new RpcError(
      'invalid_params',
      `A payment cannot be dated before the loan started (${loan.startDate}).`,
      {
        issues: [{ path: 'date', message: `On or after ${loan.startDate}.` }],
      },
    );
  }
  const owed = loanBalance(loan, new Date(`${params.date}T23:59:59Z`)).outstanding;
  if (dec(params.amount).gt(owed.plus('0.005'))) {
    const owedText = decStr(owed, 2);
    throw new RpcError(
      'invalid_params',
      `That payment is more than the ${owedText} ${loan.currency} owed on ${params.date}.`,
      {
        issues: [{ path: 'amount', message: `At most ${owedText}.` }],
      },
    );
  }
  await ctx.store.update((db) => {
    const target = db.loans.find((l) => l.id === params.id);
    if (!target) throw new RpcError('not_found', `No loan has the id "${params.id}".`);
    target.payments = [...target.payments, { date: params.date, amount: params.amount }].sort(
      (a, b) => a.date.localeCompare(b.date),
    );
  });
  await ctx.changed();
  return structuredClone(ctx.store.data.loans.find((l) => l.id === params.id)!);
}
