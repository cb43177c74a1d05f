import { randomUUID } from 'node:crypto';
import { RpcError } from '#api/errors';
import type { FundingAddParams, FundingPayment } from '#api/funding';
import type { RealisedPnl } from '#api/realised-pnl';
import type { Position } from '#api/records';
import { isUsdLike } from '#core/prices';
import { type Dec, ZERO, dec, decStr } from '#shared/decimal';
import type { ServiceContext } from './context';
import { currentSnapshot } from './snapshot';

// funding.list / funding.add / funding.remove: the funding a position actually paid or
// received, in the asset it settles in (the quote asset of a linear contract, the coin of
// an inverse one), with its value in US dollars at the price of its time. The monthly P&L
// counts it as realised PnL, and a closed position's realised entry carries its total
// (docs/formulas-positions.md "Funding"). Imports from ccxt are in funding-import.ts.

export function listFunding(ctx: ServiceContext, positionId?: string): FundingPayment[] {
  return structuredClone(
    ctx.store.data.fundingPayments.filter(
      (p) => positionId === undefined || p.positionId === positionId,
    ),
  ).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** The asset a position's funding is paid in. */
export function settlementAsset(position: Pick<Position, 'kind' | 'baseAsset' | 'quoteAsset'>) {
  return position.kind === 'linear' ? position.quoteAsset : position.baseAsset;
}

/**
 * USD per unit of the asset at an instant: 1 for USD and the dollar stablecoins, else the
 * last recorded price at or before it, else today's price; null when none is known.
 */
export function usdPriceAt(ctx: ServiceContext, asset: string, at: string): Dec | null {
  if (isUsdLike(asset)) return dec(1);
  const recorded = ctx.store.history.query(`price.${asset}`, undefined, at).at(-1);
  if (recorded !== undefined) return dec(recorded[1]);
  const current = currentSnapshot(ctx).prices[asset];
  return current === undefined ? null : dec(current.usd);
}

export function findPosition(ctx: ServiceContext, positionId: string): Position {
  const position = ctx.store.data.positions.find((p) => p.id === positionId);
  if (position === undefined) {
    throw new RpcError('invalid_params', `No position has the id "${positionId}".`, {
      issues: [{ path: 'positionId', message: 'Pick one of your positions.' }],
    });
  }
  return position;
}

export function checkNotFuture(ctx: ServiceContext, at: string, path: string): void {
  if (Date.parse(at) > ctx.now().getTime()) {
    throw new RpcError('invalid_params', 'A funding payment cannot be dated in the future.', {
      issues: [{ path, message: `On or before ${ctx.now().toISOString()}.` }],
    });
  }
}

/** A payment of `amount` (settlement units) at `at` for the position, valued in USD. */
export function fundingPayment(
  ctx: ServiceContext,
  position: Position,
  fields: { at: string; amount: string; origin: FundingPayment['origin']; externalId?: string },
): FundingPayment {
  const asset = settlementAsset(position);
  const at = new Date(fields.at).toISOString();
  const price = usdPriceAt(ctx, asset, at);
  return {
    id: `fund-${randomUUID()}`,
    positionId: position.id,
    at,
    amount: fields.amount,
    asset,
    amountUsd: price === null ? null : decStr(dec(fields.amount).mul(price), 8),
    origin: fields.origin,
    ...(fields.externalId === undefined ? {} : { externalId: fields.externalId }),
  };
}

export async function addFunding(
  ctx: ServiceContext,
  params: FundingAddParams,
): Promise<FundingPayment> {
  const position = findPosition(ctx, params.positionId);
  checkNotFuture(ctx, params.at, 'at');
  const payment = fundingPayment(ctx, position, { ...params, origin: 'manual' });
  await ctx.store.update((db) => {
    db.fundingPayments.push(payment);
  });
  await ctx.changed();
  return structuredClone(payment);
}

/**
 * What a position's recorded funding came to in US dollars, to the cent (positive =
 * received); a payment without a USD value (no price was known) counts as 0, as in the
 * monthly P&L.
 */
export function positionFundingUsd(
  payments: readonly Pick<FundingPayment, 'positionId' | 'amountUsd'>[],
  positionId: string,
): string {
  const total = payments
    .filter((p) => p.positionId === positionId && p.amountUsd !== null)
    .reduce<Dec>((sum, p) => sum.plus(dec(p.amountUsd!)), ZERO);
  return decStr(total, 2);
}

/**
 * Keeps the funding of a closed position's realised entry equal to its payments after one
 * is removed (an entry carries it once: the one positions.close made).
 */
function resyncClosedFunding(
  db: { realisedPnl: RealisedPnl[]; fundingPayments: FundingPayment[] },
  positionId: string,
): void {
  for (const entry of db.realisedPnl) {
    if (entry.positionId === positionId && entry.fundingUsd !== undefined)
      entry.fundingUsd = positionFundingUsd(db.fundingPayments, positionId);
  }
}

export async function removeFunding(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  if (!ctx.store.data.fundingPayments.some((p) => p.id === id)) {
    throw new RpcError(
      'not_found',
      `No funding payment has the id "${id}"; it may have been removed.`,
    );
  }
  const { positionId } = ctx.store.data.fundingPayments.find((p) => p.id === id)!;
  await ctx.store.update((db) => {
    db.fundingPayments = db.fundingPayments.filter((p) => p.id !== id);
    resyncClosedFunding(db, positionId);
  });
  await ctx.changed();
  return { id };
}
