import { describe, expect, it } from 'vitest';
import { RpcError } from '#api/errors';
import type { Loan } from '#api/records';
import type { ScheduleRow } from '#api/methods';
import type { Snapshot } from '#api/snapshot';
import { openTestService } from './test-service';

// Loans through the contract: collateral in any priced asset or none, lender presets,
// payments corrected and removed, and the balance, schedule and next payment agreeing.

const NOW = new Date('2026-03-10T12:00:00Z');
const open = () => openTestService({ now: () => NOW });

const BULLET = {
  lender: 'Harbor',
  principal: '365000',
  aprPct: '10',
  dayCount: 365,
  startDate: '2026-01-01',
  termMonths: 6,
  repayment: 'bullet',
  collateralAsset: 'BTC',
  collateralAmount: '10',
  marginCallLtvPct: '70',
  liquidationLtvPct: '80',
};

async function refusal(promise: Promise<unknown>): Promise<RpcError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RpcError);
  return error as RpcError;
}

describe('collateral', () => {
  it('the one-asset shorthand is stored as a list, with the price at the start remembered', async () => {
    const s = await open();
    await s.call('prices.setManual', { asset: 'BTC', usd: '73000' });
    const loan = (await s.call('loans.create', BULLET)) as Loan;
    expect(loan.collateral).toEqual([{ asset: 'BTC', amount: '10', startPriceUsd: '73000' }]);
    expect(loan).not.toHaveProperty('collateralAsset');
    // The default cure target is the LTV at the start: 365,000 / 730,000 = 50 %.
    const snapshot = (await s.call('snapshot.get', {})) as Snapshot;
    expect(snapshot.loans[0]?.cureTargetLtvPct).toBe('50');
  });

  it('ETH, USDT and USD collateral on one loan; a USDC-only loan has no trigger price', async () => {
    const s = await open();
    await s.call('prices.setManual', { asset: 'ETH', usd: '3000' });
    await s.call('loans.create', {
      ...BULLET,
      collateralAsset: undefined,
      collateralAmount: undefined,
      collateral: [
        { asset: 'ETH', amount: '100' },
        { asset: 'USDT', amount: '100000' },
        { asset: 'USD', amount: '50000' },
      ],
    });
    await s.call('loans.create', {
      ...BULLET,
      collateralAsset: 'USDC',
      collateralAmount: '730000',
    });
    const [multi, stable] = ((await s.call('snapshot.get', {})) as Snapshot).loans;
    expect(multi?.collateralValueUsd).toBe('450000');
    expect(multi?.triggerAsset).toBe('ETH');
    expect(stable?.triggerAsset).toBeNull();
    expect(stable?.marginCallPrice).toBeNull();
    expect(stable?.ltvPct).not.toBeNull();
  });

  it('an unsecured loan is allowed and counts as debt; zero coin collateral is refused', async () => {
    const s = await open();
    await s.call('loans.create', {
      ...BULLET,
      collateralAsset: undefined,
      collateralAmount: undefined,
      collateral: [],
    });
    const snapshot = (await s.call('snapshot.get', {})) as Snapshot;
    expect(snapshot.loans[0]).toMatchObject({ health: 'unsecured', ltvPct: null, cure: null });
    expect(Number(snapshot.farm.debtUsd)).toBeGreaterThan(365000);

    const zero = await refusal(s.call('loans.create', { ...BULLET, collateralAmount: '0' }));
    expect(zero.message).toMatch(/Collateral of 0 is no collateral/);
    expect(await s.call('loans.list', {})).toHaveLength(1);
  });

  it('a USDT depeg is a scenario shock like any other: −40 % puts a USDT-backed loan past liquidation', async () => {
    const s = await open();
    await s.call('loans.create', {
      ...BULLET,
      collateralAsset: 'USDT',
      collateralAmount: '600000',
    });
    const live = ((await s.call('snapshot.get', {})) as Snapshot).loans[0]!;
    expect(live.health).toBe('healthy');
    const shocked = (await s.call('scenario.run', { shocksPct: { USDT: '-40' } })) as Snapshot;
    // 600,000 USDT at $0.60 = $360,000 against more than $365,000 owed.
    expect(shocked.loans[0]?.collateralValueUsd).toBe('360000');
    expect(shocked.loans[0]?.health).toBe('liquidation');
  });

  it('an asset RigLedger cannot price is refused with what to do', async () => {
    const s = await open();
    const error = await refusal(s.call('loans.create', { ...BULLET, collateralAsset: 'DOGE' }));
    expect(error.message).toMatch(/no price for "DOGE".*manual price/);
  });

  it('a lender preset fills the bands and the cure window', async () => {
    const s = await open();
    const loan = (await s.call('loans.create', {
      ...BULLET,
      marginCallLtvPct: undefined,
      liquidationLtvPct: undefined,
      preset: 'strike',
    })) as Loan;
    expect(loan).toMatchObject({
      preset: 'strike',
      marginCallLtvPct: '70',
      liquidationLtvPct: '85',
      targetLtvPct: '60',
      cureWindowHours: 24,
    });
  });
});

describe('payments', () => {
  it('a prepayment, corrected then removed: principal, schedule and next payment agree each time', async () => {
    const s = await open();
    const loan = (await s.call('loans.create', BULLET)) as Loan;
    // 2026-01-16: 15 days at 10 % on 365,000 = 1,500 interest, then 100,000 of principal.
    const paid = (await s.call('loans.addPayment', {
      id: loan.id,
      date: '2026-01-16',
      amount: '101500',
    })) as Loan;
    const paymentId = paid.payments[0]!.id;

    const agree = async (principal: string) => {
      const view = ((await s.call('snapshot.get', {})) as Snapshot).loans[0]!;
      const rows = (await s.call('loans.schedule', { id: loan.id })) as ScheduleRow[];
      expect(view.principalBalance).toBe(principal);
      expect(rows.at(-1)?.payment).toBe(view.nextPayment?.amount);
      expect(rows.at(-1)?.principal).toBe(principal);
      return view;
    };
    // 265,000 for 166 days to 2026-07-01: 12,052.05 → 277,052.05.
    expect((await agree('265000')).nextPayment).toEqual({
      date: '2026-07-01',
      amount: '277052.05',
    });

    await s.call('loans.updatePayment', { id: loan.id, paymentId, amount: '51500' });
    // 315,000 for 166 days: 14,326.03 → 329,326.03.
    expect((await agree('315000')).nextPayment?.amount).toBe('329326.03');

    const removed = (await s.call('loans.removePayment', { id: loan.id, paymentId })) as Loan;
    expect(removed.payments).toEqual([]);
    // 365,000 for 181 days: 18,100 → 383,100.
    expect((await agree('365000')).nextPayment?.amount).toBe('383100');
  });

  it('refuses a payment before the start or larger than what is owed, and changes nothing', async () => {
    const s = await open();
    const loan = (await s.call('loans.create', BULLET)) as Loan;
    const early = await refusal(
      s.call('loans.addPayment', { id: loan.id, date: '2025-12-31', amount: '100' }),
    );
    expect(early.message).toBe('A payment cannot be dated before the loan started (2026-01-01).');
    const over = await refusal(
      s.call('loans.addPayment', { id: loan.id, date: '2026-01-16', amount: '400000' }),
    );
    expect(over.message).toBe(
      'That payment is more than the 366,500.00 USD the loan owed on 2026-01-16.',
    );
    const first = (await s.call('loans.addPayment', {
      id: loan.id,
      date: '2026-01-16',
      amount: '1500',
    })) as Loan;
    const tooMuch = await refusal(
      s.call('loans.updatePayment', {
        id: loan.id,
        paymentId: first.payments[0]!.id,
        amount: '366501',
      }),
    );
    expect(tooMuch.message).toMatch(/^That payment is more than/);
    const [stored] = (await s.call('loans.list', {})) as Loan[];
    expect(stored?.payments.map((p) => p.amount)).toEqual(['1500']);
    const missing = await refusal(
      s.call('loans.removePayment', { id: loan.id, paymentId: 'pay-nope' }),
    );
    expect(missing.code).toBe('not_found');
  });
});
