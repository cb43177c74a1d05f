import { RpcError } from '#api/errors';
import { BUILTIN_COINS, type CollateralItem, type Loan } from '#api/records';
import { isUsdLike } from '#core/prices';
import type { ServiceContext } from './context';

// Rules for a loan record that need the stored state: every collateral asset must be one
// RigLedger can price, and each remembers its price at the loan's start (the default cure
// target is the LTV at the start).

/** Assets RigLedger prices without a feed change: built-in and custom coins, ETH, stablecoins. */
function priceableAssets(ctx: ServiceContext): Set<string> {
  const db = ctx.store.data;
  return new Set([
    ...BUILTIN_COINS,
    ...db.settings.coins.map((c) => c.symbol),
    'ETH',
    ...Object.keys(db.manualPrices),
    ...Object.keys(db.lastPrices),
  ]);
}

export function checkLoanCollateral(ctx: ServiceContext, loan: Loan): void {
  const priceable = priceableAssets(ctx);
  loan.collateral.forEach((item, index) => {
    if (isUsdLike(item.asset) || priceable.has(item.asset)) return;
    throw new RpcError(
      'invalid_params',
      `RigLedger has no price for "${item.asset}". Set a manual price for it under Settings (or add it as a custom coin) first, then record the loan.`,
      { issues: [{ path: `collateral.${index}.asset`, message: `No price for ${item.asset}.` }] },
    );
  });
}

/** The asset's price on the loan's start date from the history, else its price now. */
function startPrice(ctx: ServiceContext, asset: string, startDate: string): string | undefined {
  const db = ctx.store.data;
  const onStart = ctx.store.history.query(
    `price.${asset}`,
    `${startDate}T00:00:00.000Z`,
    `${startDate}T23:59:59.999Z`,
  );
  const fromHistory = onStart.at(-1)?.[1];
  if (fromHistory !== undefined) return fromHistory;
  return db.manualPrices[asset]?.usd ?? db.lastPrices[asset]?.usd;
}

/** The collateral with each coin's start price filled in where it is missing and known. */
export function withStartPrices(
  ctx: ServiceContext,
  loan: Loan,
  previous: Loan | undefined,
): CollateralItem[] {
  return loan.collateral.map((item) => {
    if (item.startPriceUsd !== undefined || isUsdLike(item.asset)) return item;
    const kept =
      previous?.startDate === loan.startDate
        ? previous.collateral.find((c) => c.asset === item.asset)?.startPriceUsd
        : undefined;
    const price = kept ?? startPrice(ctx, item.asset, loan.startDate);
    return price === undefined ? item : { ...item, startPriceUsd: price };
  });
}

/** A loan about to be written: its collateral checked, its start prices filled in. */
export function prepareLoan(ctx: ServiceContext, loan: Loan, previous?: Loan): Loan {
  checkLoanCollateral(ctx, loan);
  return { ...loan, collateral: withStartPrices(ctx, loan, previous) };
}
