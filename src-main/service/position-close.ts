import { randomUUID } from 'node:crypto';
import { RpcError } from '#api/errors';
import type { RealisedPnl } from '#api/realised-pnl';
import { isoDateOf } from '#core/calendar';
import { realisedPnlUsd } from '#core/position-close';
import { priceUsdOf } from '#core/prices';
import { dec, decStr } from '#shared/decimal';
import { formatNumber, formatUsd } from '#shared/format';
import type { ServiceContext } from './context';
import { positionFundingUsd } from './funding';
import { currentSnapshot } from './snapshot';

// positions.close: a position closed on the exchange leaves the book. The PnL it realised
// at the exit price (the operator's, else the mark now) is recorded as a realised PnL
// entry the monthly review counts, with the funding the position paid or received over its
// life beside it (`fundingUsd`), and the position record is removed — in one write.

export interface ClosePositionParams {
  id: string;
  exitPrice?: string | undefined;
  date?: string | undefined;
  note?: string | undefined;
}

export interface ClosedPosition {
  id: string;
  exitPrice: string;
  realisedPnl: RealisedPnl;
}

export async function closePosition(
  ctx: ServiceContext,
  params: ClosePositionParams,
): Promise<ClosedPosition> {
  const position = ctx.store.data.positions.find((p) => p.id === params.id);
  if (!position)
    throw new RpcError(
      'not_found',
      `No position has the id "${params.id}"; it may have been closed or removed.`,
    );
  const today = isoDateOf(ctx.now());
  const date = params.date ?? today;
  if (date > today) {
    throw new RpcError('invalid_params', `A position cannot be closed after today (${today}).`, {
      issues: [{ path: 'date', message: `On or before ${today}.` }],
    });
  }
  const snapshot = currentSnapshot(ctx);
  const view = snapshot.positions.find((p) => p.id === params.id);
  const exitText = params.exitPrice ?? view?.markPrice ?? null;
  if (exitText === null) {
    throw new RpcError(
      'invalid_params',
      `There is no ${position.baseAsset} mark price to close at; enter the price the position was closed at.`,
      { issues: [{ path: 'exitPrice', message: 'Enter the exit price.' }] },
    );
  }
  const exitPrice = dec(exitText);
  const quoteUsd = priceUsdOf(position.quoteAsset, snapshot.prices) ?? dec(1);
  const amount = realisedPnlUsd(position, exitPrice, quoteUsd);
  const label = `${position.exchange} ${position.symbol} ${position.side} ${formatNumber(position.size, 8)}`;
  const realisedPnl: RealisedPnl = {
    id: `pnl-${randomUUID()}`,
    date,
    amountUsd: decStr(amount, 2),
    note:
      params.note ??
      `Closed ${label} at ${formatUsd(exitText)} (entry ${formatUsd(position.entryPrice)}).`,
    positionId: position.id,
    // Its funding, counted once: here with the close, never in amountUsd (the months
    // count each payment when it was paid).
    fundingUsd: positionFundingUsd(ctx.store.data.fundingPayments, position.id),
  };
  await ctx.store.update((db) => {
    db.realisedPnl.push(realisedPnl);
    db.positions = db.positions.filter((p) => p.id !== position.id);
  });
  await ctx.changed();
  return {
    id: position.id,
    exitPrice: exitPrice.toFixed(),
    realisedPnl: structuredClone(realisedPnl),
  };
}
