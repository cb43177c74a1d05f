import type { Loan, Position, Rig } from '#api/records';
import type { PriceEntry } from '#api/snapshot';
import { type Dec, ONE, dec } from '#shared/decimal';

// Price look-ups the finance core shares. USD and the dollar stablecoins are valued 1:1
// (loans in USDT/USDC are valued 1:1), so they never need a feed; a stablecoin moves only
// when a price for it is given (a scenario's depeg shock, or a manual price).

export const USD_LIKE = ['USD', 'USDT', 'USDC'] as const;

export function isUsdLike(asset: string): boolean {
  return (USD_LIKE as readonly string[]).includes(asset.toUpperCase());
}

/** Prices by asset, of which only the dollar figure is read. */
export type UsdPrices = Readonly<Record<string, Pick<PriceEntry, 'usd'>>>;

/** USD price of an asset, or null when none is known. */
export function priceUsdOf(asset: string, prices: UsdPrices): Dec | null {
  const entry = asset === 'USD' ? undefined : (prices[asset] ?? prices[asset.toUpperCase()]);
  if (entry !== undefined) return dec(entry.usd);
  return isUsdLike(asset) ? ONE : null;
}

/**
 * Whether the price in use for an asset is stale, disputed or moved by a single source
 * (never for USD-like assets): no liquidation or margin-call alert is raised from it.
 */
export function isPriceUnreliable(
  asset: string,
  prices: Readonly<Record<string, PriceEntry>>,
): boolean {
  if (isUsdLike(asset)) return false;
  const entry = prices[asset] ?? prices[asset.toUpperCase()];
  return entry !== undefined && (entry.stale || entry.disputed || entry.singleSource === true);
}

/** The assets whose USD price the records need, sorted; USD-like assets need none. */
export function pricesInUse(
  rigs: readonly Pick<Rig, 'coin' | 'status'>[],
  loans: readonly Pick<Loan, 'collateral'>[],
  positions: readonly Pick<Position, 'baseAsset' | 'quoteAsset'>[],
): string[] {
  const assets = new Set<string>();
  for (const rig of rigs) if (rig.status !== 'retired') assets.add(rig.coin.toUpperCase());
  for (const loan of loans) for (const c of loan.collateral) assets.add(c.asset.toUpperCase());
  for (const position of positions) {
    assets.add(position.baseAsset.toUpperCase());
    assets.add(position.quoteAsset.toUpperCase());
  }
  return [...assets].filter((a) => !isUsdLike(a)).sort();
}
