import type { FundingQuote } from '#api/funding';
import type { Alert, Loan, Position, Rig, Settings } from '#api/records';
import type { NetworkEntry, PriceEntry, RigLive, Snapshot, StoreNotice } from '#api/snapshot';
import { blockSubsidy, coinSpec } from './coins';
import { type Dec, ZERO, dec, decStr, decStrOrNull, minDec } from '#shared/decimal';
import { hashpriceUsdPerPhDay, networkHashrateHs } from './mining';
import type { VolatilityTable } from './odds';
import { priceUsdOf, pricesInUse } from './prices';
import { type CoinMarket, coinMarket, hashPowerByCoin } from './rig-views';
import { freshFigures, marginGroupOf, type RecordFigures } from './snapshot-figures';

export { pricesInUse } from './prices';

// The Snapshot: everything the dashboard shows, computed from the records, the
// resolved prices, chain stats and rig readings as of one instant. Pure: the service
// gathers the inputs and calls buildSnapshot.

export interface NetworkInput {
  difficulty: string;
  blockReward?: string;
  feesPerBlock?: string;
  height?: number;
  source: string;
  at: string;
  stale: boolean;
}

export interface SnapshotInput {
  asOf: Date;
  offline: boolean;
  settings: Settings;
  rigs: Rig[];
  loans: Loan[];
  positions: Position[];
  /** Already resolved by the service (manual wins; stale/disputed flags set). */
  prices: Record<string, PriceEntry>;
  /** Per coin; blockReward missing → subsidy from height (BTC/LTC), else the coin earns null. */
  network: Record<string, NetworkInput>;
  /** Latest reading per rig id. */
  rigLive: Record<string, RigLive>;
  alerts: Alert[];
  notices: StoreNotice[];
  /** The shocks applied to `prices`, echoed so the dashboard can say it is a scenario. */
  scenario: Record<string, string> | null;
  /** Last funding quote per exchange and symbol (`binance-usdm:BTCUSDT`), like the prices. */
  funding?: Record<string, FundingQuote>;
  /** σ by asset for the odds of crossing (measured once a day); missing → the default. */
  volatility?: VolatilityTable;
}

/**
 * Network entries that can be completed: a known coin (for the network hash rate) and a
 * block reward (given, or the subsidy at the height). Missing fees count as 0. A coin
 * whose entry cannot be completed is left out, and its rigs earn null.
 */
export function networkEntries(
  network: Readonly<Record<string, NetworkInput>>,
  settings: Pick<Settings, 'coins'>,
): Record<string, NetworkEntry> {
  const entries: Record<string, NetworkEntry> = {};
  for (const [coin, input] of Object.entries(network)) {
    const spec = coinSpec(coin, settings);
    const reward =
      input.blockReward !== undefined
        ? dec(input.blockReward)
        : input.height !== undefined
          ? blockSubsidy(coin, input.height)
          : null;
    if (spec === null || reward === null) continue;
    const difficulty = dec(input.difficulty);
    entries[coin] = {
      difficulty: decStr(difficulty),
      blockReward: decStr(reward),
      feesPerBlock: decStr(input.feesPerBlock === undefined ? ZERO : dec(input.feesPerBlock)),
      networkHashrateHs: decStr(networkHashrateHs(difficulty, spec), 0),
      height: input.height ?? null,
      source: input.source,
      at: input.at,
      stale: input.stale,
    };
  }
  return entries;
}

/** Sum of values, or null when any one of them is unknown. */
function sumOrNull(values: readonly (Dec | null)[]): Dec | null {
  let total = ZERO;
  for (const value of values) {
    if (value === null) return null;
    total = total.plus(value);
  }
  return total;
}

function btcHashprice(
  network: Readonly<Record<string, NetworkEntry>>,
  prices: Readonly<Record<string, PriceEntry>>,
  settings: Pick<Settings, 'coins'>,
): Dec | null {
  const entry = network.BTC;
  const price = priceUsdOf('BTC', prices);
  const spec = coinSpec('BTC', settings);
  if (!entry || price === null || spec === null) return null;
  const terms = {
    difficulty: dec(entry.difficulty),
    blockReward: dec(entry.blockReward),
    feesPerBlock: dec(entry.feesPerBlock),
  };
  return hashpriceUsdPerPhDay(terms, spec, price);
}

/**
 * `figures` decides whether each record's figures are computed afresh (the default) or
 * taken from a cache when nothing they read has changed (snapshot-figures.ts).
 */
export function buildSnapshot(
  input: SnapshotInput,
  figures: RecordFigures = freshFigures,
): Snapshot {
  const { settings, prices } = input;
  const network = networkEntries(input.network, settings);

  const markets = new Map<string, CoinMarket>();
  const marketOf = (coin: string): CoinMarket => {
    const known = markets.get(coin);
    if (known) return known;
    const market = figures.market(coin, coinMarket(coin, settings, network, prices));
    markets.set(coin, market);
    return market;
  };
  const rigs = figures.rigs(input.rigs, settings, marketOf, input.rigLive);
  const running = rigs.filter((r) => r.running);
  const revenue = sumOrNull(running.map((r) => r.revenueUsdPerDay));
  const revenueLost = sumOrNull(running.map((r) => r.revenueLostUsdPerDay));
  const powerCost = running.reduce((total, r) => total.plus(r.powerCostUsdPerDay), ZERO);

  const volatility = input.volatility ?? {};
  const loans = figures.loans(input.loans, input.asOf, settings, prices, volatility);
  const healthFactors = loans.map((l) => l.healthFactor).filter((hf): hf is Dec => hf !== null);
  const worstHealthFactor = healthFactors.reduce<Dec | null>(
    (worst, hf) => (worst ? minDec(worst, hf) : hf),
    null,
  );

  return {
    asOf: input.asOf.toISOString(),
    offline: input.offline,
    scenario: input.scenario,
    prices,
    assetsInUse: pricesInUse(input.rigs, input.loans, input.positions),
    network,
    farm: {
      hashPower: hashPowerByCoin(input.rigs, settings, input.rigLive),
      powerWatts: decStr(running.reduce((total, r) => total.plus(r.watts), ZERO)),
      revenueUsdPerDay: decStrOrNull(revenue),
      revenueLostUsdPerDay: decStrOrNull(revenueLost),
      powerCostUsdPerDay: decStr(powerCost),
      profitUsdPerDay: decStrOrNull(revenue === null ? null : revenue.minus(powerCost)),
      debtUsd: decStr(loans.reduce((total, l) => total.plus(l.outstanding), ZERO)),
      collateralUsd: decStrOrNull(sumOrNull(loans.map((l) => l.collateralValueUsd))),
      worstHealthFactor: decStrOrNull(worstHealthFactor),
      btcHashpriceUsdPerPhDay: decStrOrNull(btcHashprice(network, prices, settings)),
    },
    rigs: rigs.map((r) => r.view),
    loans: loans.map((l) => l.view),
    positions: figures.positions(input.positions, settings, prices, volatility, {
      quotes: input.funding ?? {},
      asOf: input.asOf,
    }),
    alerts: input.alerts.filter((a) => a.resolvedAt === undefined),
    notices: input.notices,
  };
}

/** `list` in consecutive slices of about `size` items; `keyOf` keeps items of one key together. */
function slicesOf<T>(list: readonly T[], size: number, keyOf?: (item: T) => string): T[][] {
  if (keyOf === undefined) {
    const out: T[][] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  }
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const out: T[][] = [];
  let current: T[] = [];
  for (const group of groups.values()) {
    current.push(...group);
    if (current.length >= size) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Fills `figures` for `input` a slice of records at a time, awaiting `pause` between
 * slices, so the build that follows finds every record's figures ready and takes a few
 * milliseconds: after an import of thousands of rigs, or a tick that moves every
 * position, other work (a request, a rig poll) runs between the slices instead of
 * waiting for the whole farm. Each slice is an ordinary build of part of the farm (a
 * margin group is never split), so its figures are exactly the whole build's.
 */
export async function warmSnapshot(
  input: SnapshotInput,
  figures: RecordFigures,
  pause: () => Promise<void>,
): Promise<void> {
  const none = { rigs: [], loans: [], positions: [] };
  const parts: SnapshotInput[] = [
    ...slicesOf(input.rigs, 250).map((rigs) => ({ ...input, ...none, rigs })),
    ...slicesOf(input.loans, 25).map((loans) => ({ ...input, ...none, loans })),
    ...slicesOf(input.positions, 100, marginGroupOf).map((positions) => ({
      ...input,
      ...none,
      positions,
    })),
  ];
  for (const part of parts) {
    figures.warming(() => buildSnapshot(part, figures));
    await pause();
  }
}
