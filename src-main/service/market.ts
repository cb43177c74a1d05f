import type { ServiceContext } from './context';

// Manual prices and chain figures: an operator's own numbers, which win over every feed
// until cleared (SPEC §7).

export async function setManualPrice(
  ctx: ServiceContext,
  { asset, usd }: { asset: string; usd: string },
): Promise<Record<string, never>> {
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
