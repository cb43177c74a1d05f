import type { ManualNetwork, StoredNetwork, StoredPrice } from '#api/records';
import type { PriceEntry } from '#api/snapshot';
import type { NetworkInput } from './snapshot';

// Which price and chain figures the Snapshot uses: a manual value wins over every feed
// until cleared (rotki's rule), and so confirms a price one source alone moved; a fed value
// older than staleAfterSec is marked stale.

export const NETWORK_STALE_AFTER_SEC = 3600;

function ageSec(at: string, asOf: Date): number {
  return Math.max(0, Math.floor((asOf.getTime() - Date.parse(at)) / 1000));
}

export function resolvePrices(args: {
  manual: Record<string, { usd: string; at: string }>;
  fed: Record<string, StoredPrice>;
  asOf: Date;
  staleAfterSec: number;
}): Record<string, PriceEntry> {
  const out: Record<string, PriceEntry> = {};
  for (const [asset, fed] of Object.entries(args.fed)) {
    const age = ageSec(fed.at, args.asOf);
    out[asset] = {
      usd: fed.usd,
      source: fed.source,
      at: fed.at,
      stale: age > args.staleAfterSec,
      manual: false,
      disputed: fed.disputed,
      ...(fed.singleSource ? { singleSource: true, multiSourceUsd: fed.multiSourceUsd } : {}),
      ageSec: age,
    };
  }
  for (const [asset, manual] of Object.entries(args.manual)) {
    out[asset] = {
      usd: manual.usd,
      source: 'manual',
      at: manual.at,
      stale: false,
      manual: true,
      disputed: false,
      ageSec: ageSec(manual.at, args.asOf),
    };
  }
  return out;
}

export function resolveNetwork(args: {
  manual: Record<string, ManualNetwork>;
  fed: Record<string, StoredNetwork>;
  asOf: Date;
}): Record<string, NetworkInput> {
  const out: Record<string, NetworkInput> = {};
  for (const [coin, fed] of Object.entries(args.fed)) {
    out[coin] = {
      difficulty: fed.difficulty,
      blockReward: fed.blockReward,
      feesPerBlock: fed.feesPerBlock,
      ...(fed.height === undefined ? {} : { height: fed.height }),
      source: fed.source,
      at: fed.at,
      stale: ageSec(fed.at, args.asOf) > NETWORK_STALE_AFTER_SEC,
    };
  }
  for (const [coin, manual] of Object.entries(args.manual)) {
    // A manual difficulty keeps the fed fees unless it names its own; the reward comes
    // from the manual figure, else from the manual height, else from the feed.
    const fed = args.fed[coin];
    const blockReward =
      manual.blockReward ?? (manual.height === undefined ? fed?.blockReward : undefined);
    const feesPerBlock = manual.feesPerBlock ?? fed?.feesPerBlock;
    const height = manual.height ?? fed?.height;
    out[coin] = {
      difficulty: manual.difficulty,
      ...(blockReward === undefined ? {} : { blockReward }),
      ...(feesPerBlock === undefined ? {} : { feesPerBlock }),
      ...(height === undefined ? {} : { height }),
      source: 'manual',
      at: manual.at,
      stale: false,
    };
  }
  return out;
}
