import { describe, expect, it } from 'vitest';
import { RpcError } from '#api/errors';
import type { Loan } from '#api/records';
import { sampleLoan } from '#core/test-fixtures/sample-records';
import { openTestService } from './test-service';

// LTV thresholds are percents: a fraction typed for one (0.7 for 70 %) would show a healthy
// loan "in liquidation", so the contract refuses it with a question and stores nothing.

async function refusal(promise: Promise<unknown>): Promise<RpcError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RpcError);
  return error as RpcError;
}

const { id: _id, ...LOAN } = sampleLoan();

describe('LTV thresholds typed as fractions', () => {
  it('refuses a margin-call LTV of 0.7 on create with "did you mean 70 %?"', async () => {
    const service = await openTestService();
    const error = await refusal(
      service.call('loans.create', { ...LOAN, marginCallLtvPct: '0.7', liquidationLtvPct: '80' }),
    );
    expect(error.code).toBe('invalid_params');
    expect(error.message).toContain(
      'marginCallLtvPct: 0.7 looks like a fraction: did you mean 70 %?',
    );
    expect(await service.call('loans.list', {})).toEqual([]);
  });

  it('refuses a liquidation LTV of 0.8 in a patch and keeps the loan as it was', async () => {
    const service = await openTestService();
    const loan = (await service.call('loans.create', LOAN)) as Loan;
    const error = await refusal(
      service.call('loans.update', { id: loan.id, patch: { liquidationLtvPct: '0.8' } }),
    );
    expect(error.message).toContain('did you mean 80 %?');
    expect(await service.call('loans.list', {})).toEqual([loan]);
  });

  it('takes 70 and 80 as they are', async () => {
    const service = await openTestService();
    const loan = (await service.call('loans.create', LOAN)) as Loan;
    expect([loan.marginCallLtvPct, loan.liquidationLtvPct]).toEqual(['70', '80']);
  });
});
