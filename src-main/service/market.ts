import { RpcError } from '#api/errors';
import type { ManualPriceJumpDetails } from '#api/market';
import { manualPriceJump } from '#core/manual-price-guard';
import { dec, decStr } from '#shared/decimal';
import { formatSignedPct, formatUsd } from '#shared/format';
import type { ServiceContext } from './context';

// Manual prices and chain figures: an operator's own numbers, which win over every feed
// until cleared (docs/formulas.md "Manual prices").

/** The price the dashboard shows for an asset now: the manual one, else the last fed one. */
function lastKnownUsd(ctx: ServiceContext, asset: string): string | null {
  const db = ctx.store.data;
  return db.manualPrices[asset]?.usd ?? db.lastPrices[asset]?.usd ?? null;
}

/** Refuses a manual price that jumps more than 30 % unless the call confirms it. */
function guardManualPrice(ctx: ServiceContext, asset: string, usd: string): void {
  const last = lastKnownUsd(ctx, asset);
  const jump = manualPriceJump(last === null ? null : dec(last), dec(usd));
  if (last === null || jump === null) return;
  const details: ManualPriceJumpDetails = {
    asset,
    lastUsd: last,
    proposedUsd: usd,
    changePct: decStr(jump.changePct, 2),
    suggestedUsd: jump.suggestedUsd === null ? null : decStr(jump.suggestedUsd),
  };
  const meant =
    details.suggestedUsd === null ? '' : ` Did you mean ${formatUsd(details.suggestedUsd)}?`;
  throw new RpcError(
    'conflict',
    `${formatUsd(usd)} for ${asset} is ${formatSignedPct(details.changePct, 1)} from the last known price of ${formatUsd(last)}.${meant} Nothing was changed; confirm to use ${formatUsd(usd)} anyway.`,
    details,
  );
}

export async function setManualPrice(
  ctx: ServiceContext,
  { asset, usd, confirm = false }: { asset: string; usd: string; confirm?: boolean | undefined },
): Promise<Record<string, never>> {
  if (!confirm) guardManualPrice(ctx, asset, usd);
  const at = ctx.now().toISOString();
  await ctx.store.update((db) => {
    db.manualPrices[asset] = { usd, at };
  });
  await ctx.changed();
  return {};
}

export async function clearManualPrice(
  ctx: ServiceContext,
  asset: string,
): Promise<Record<string, never>> {
  await ctx.store.update((db) => {
    delete db.manualPrices[asset];
  });
  await ctx.changed();
  return {};
}

export async function setManualNetwork(
  ctx: ServiceContext,
  params: {
    coin: string;
    difficulty: string;
    blockReward?: string;
    feesPerBlock?: string;
    height?: number;
  },
): Promise<Record<string, never>> {
  const { coin, ...figures } = params;
  const at = ctx.now().toISOString();
  await ctx.store.update((db) => {
    db.manualNetwork[coin] = { ...figures, at };
  });
  await ctx.changed();
  return {};
}
