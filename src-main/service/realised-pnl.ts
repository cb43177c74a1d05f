import { randomUUID } from 'node:crypto';
import { RpcError } from '#api/errors';
import type { RealisedPnl, RealisedPnlInput } from '#api/realised-pnl';
import { isoDateOf } from '#core/calendar';
import type { ServiceContext } from './context';

// pnl.list / pnl.add / pnl.remove: realised position PnL entered by hand, which the
// monthly P&L of the review adds to mining revenue.

export function listRealisedPnl(ctx: ServiceContext): RealisedPnl[] {
  return structuredClone(ctx.store.data.realisedPnl).sort((a, b) => a.date.localeCompare(b.date));
}

export async function addRealisedPnl(
  ctx: ServiceContext,
  input: RealisedPnlInput,
): Promise<RealisedPnl> {
  const today = isoDateOf(ctx.now());
  if (input.date > today) {
    throw new RpcError(
      'invalid_params',
      `A realised result cannot be dated after today (${today}).`,
      {
        issues: [{ path: 'date', message: `On or before ${today}.` }],
      },
    );
  }
  if (
    input.positionId !== undefined &&
    !ctx.store.data.positions.some((p) => p.id === input.positionId)
  ) {
    throw new RpcError('invalid_params', `No position has the id "${input.positionId}".`, {
      issues: [{ path: 'positionId', message: 'Pick one of your positions, or leave it empty.' }],
    });
  }
  const entry: RealisedPnl = { id: `pnl-${randomUUID()}`, ...input };
  await ctx.store.update((db) => {
    db.realisedPnl.push(entry);
  });
  await ctx.changed();
  return structuredClone(entry);
}

export async function removeRealisedPnl(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  if (!ctx.store.data.realisedPnl.some((e) => e.id === id)) {
    throw new RpcError(
      'not_found',
      `No realised PnL entry has the id "${id}"; it may have been removed.`,
    );
  }
  await ctx.store.update((db) => {
    db.realisedPnl = db.realisedPnl.filter((e) => e.id !== id);
  });
  await ctx.changed();
  return { id };
}
