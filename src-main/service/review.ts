import { RpcError } from '#api/errors';
import type { Review } from '#api/review';
import { isoDateOf } from '#core/calendar';
import { monthlyPnl } from '#core/monthly-pnl';
import type { ServiceContext } from './context';
import { computeSnapshot } from './snapshot';

// review.get: the books as they stood at the end of a date — the Snapshot as of that
// instant and the monthly P&L of the months leading to it.

export const DEFAULT_REVIEW_MONTHS = 12;

/** The last millisecond of an ISO date (UTC): a review covers the whole of its day. */
export function endOfDay(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999Z`);
}

export function checkReviewDate(ctx: ServiceContext, asOf: string): void {
  const today = isoDateOf(ctx.now());
  if (asOf > today) {
    throw new RpcError(
      'invalid_params',
      `A review can only look back: pick ${today} or an earlier date.`,
      {
        issues: [{ path: 'asOf', message: `On or before ${today}.` }],
      },
    );
  }
}

export function getReview(
  ctx: ServiceContext,
  params: { asOf: string; months?: number | undefined },
): Review {
  checkReviewDate(ctx, params.asOf);
  const db = ctx.store.data;
  const now = ctx.now();
  const at = endOfDay(params.asOf);
  // Today's review is as of now: the rest of the day has not happened yet.
  const snapshot = computeSnapshot(ctx, { asOf: at.getTime() > now.getTime() ? now : at });
  const months = monthlyPnl({
    asOfDate: params.asOf,
    months: params.months ?? DEFAULT_REVIEW_MONTHS,
    revenueHistory: ctx.store.history.query('farm.revenueUsdPerDay'),
    profitHistory: ctx.store.history.query('farm.profitUsdPerDay'),
    historyUntilMs: now.getTime(),
    rigs: db.rigs,
    settings: db.settings,
    loans: db.loans,
    realisedPnl: db.realisedPnl,
    fundingPayments: db.fundingPayments,
  });
  return { asOf: params.asOf, snapshot, months };
}
