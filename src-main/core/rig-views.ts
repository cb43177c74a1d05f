import type { Rig, Settings } from '#api/records';
import type { HashPower, NetworkEntry, PriceEntry, RigLive, RigView } from '#api/snapshot';
import { coinSpec } from './coins';
import { D, type Dec, ZERO, decStr, decStrOrNull, dec } from '#shared/decimal';
import {
  coinsPerHashDay,
  rigEconomics,
  rigIsRunning,
  rigNominalHs,
  rigNominalWatts,
} from './mining';
import { priceUsdOf } from './prices';
import { DEFAULT_EFFICIENCY_UNIT, type EfficiencyUnit } from '#shared/efficiency';

// Rig rows and the farm's hash power per coin (docs/formulas.md "Mining").

export interface RigFigures {
  view: RigView;
  running: boolean;
  watts: Dec;
  revenueUsdPerDay: Dec | null;
  revenueLostUsdPerDay: Dec | null;
  powerCostUsdPerDay: Dec;
  coinsPerDay: Dec | null;
}

/** What every rig of one coin shares: its yield per H/s and its price. */
export interface CoinMarket {
  coinsPerHs: Dec | null;
  priceUsd: Dec | null;
  efficiencyUnit: EfficiencyUnit;
}

/** The market of each coin, computed once per Snapshot rather than once per rig. */
export function coinMarket(
  coin: string,
  settings: Pick<Settings, 'coins'>,
  network: Readonly<Record<string, NetworkEntry>>,
  prices: Readonly<Record<string, PriceEntry>>,
): CoinMarket {
  const spec = coinSpec(coin, settings);
  const entry = network[coin];
  const terms = entry && {
    difficulty: dec(entry.difficulty),
    blockReward: dec(entry.blockReward),
    feesPerBlock: dec(entry.feesPerBlock),
  };
  return {
    coinsPerHs: spec && terms ? coinsPerHashDay(terms, spec) : null,
    priceUsd: priceUsdOf(coin, prices),
    efficiencyUnit: spec?.efficiencyUnit ?? DEFAULT_EFFICIENCY_UNIT,
  };
}

export function rigFigures(
  rig: Rig,
  settings: Settings,
  market: CoinMarket,
  live: RigLive | null,
): RigFigures {
  const economics = rigEconomics(rig, settings, market.coinsPerHs, market.priceUsd, {
    online: live === null ? undefined : live.online,
    efficiencyUnit: market.efficiencyUnit,
  });
  const view: RigView = {
    ...rig,
    nominalHs: decStr(economics.nominalHs),
    coinsPerDay: decStrOrNull(economics.coinsPerDay),
    revenueUsdPerDay: decStrOrNull(economics.revenueUsdPerDay),
    powerCostUsdPerDay: decStr(economics.powerCostUsdPerDay),
    profitUsdPerDay: decStrOrNull(economics.profitUsdPerDay),
    breakEvenPriceUsd: decStrOrNull(economics.breakEvenPriceUsd),
    breakEvenPerKwh: decStrOrNull(economics.breakEvenPerKwh),
    efficiencyJPerTh: decStrOrNull(economics.efficiencyJPerTh),
    efficiency: {
      value: decStrOrNull(economics.efficiency.value),
      unit: economics.efficiency.unit,
    },
    revenueLostUsdPerDay: decStrOrNull(economics.revenueLostUsdPerDay),
    live,
  };
  const running = rigIsRunning(rig);
  return {
    view,
    running,
    watts: running ? rigNominalWatts(rig) : ZERO,
    revenueUsdPerDay: economics.revenueUsdPerDay,
    revenueLostUsdPerDay: economics.revenueLostUsdPerDay,
    powerCostUsdPerDay: economics.powerCostUsdPerDay,
    coinsPerDay: economics.coinsPerDay,
  };
}

/**
 * Hash power per coin, sorted by coin. Retired rigs are left out entirely; rigs in
 * maintenance count in `rigsTotal` (and live, if they answer) but not in `nominalHs`.
 * `liveHs` sums the rigs that answered online; null when no rig of the coin was polled.
 */
export function hashPowerByCoin(
  rigs: readonly Rig[],
  settings: Settings,
  live: Readonly<Record<string, RigLive>>,
): HashPower[] {
  const byCoin = new Map<
    string,
    { nominal: Dec; live: Dec; polled: number; online: number; total: number }
  >();
  for (const rig of rigs) {
    if (rig.status === 'retired') continue;
    const row = byCoin.get(rig.coin) ?? {
      nominal: ZERO,
      live: ZERO,
      polled: 0,
      online: 0,
      total: 0,
    };
    row.total += 1;
    if (rigIsRunning(rig)) {
      row.nominal = row.nominal.plus(rigNominalHs(rig));
    }
    const reading = live[rig.id];
    if (reading) {
      row.polled += 1;
      if (reading.online) {
        row.online += 1;
        row.live = row.live.plus(dec(reading.hashrateHs));
      }
    }
    byCoin.set(rig.coin, row);
  }
  return [...byCoin.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([coin, row]) => {
      const livePct =
        row.polled > 0 && !row.nominal.isZero() ? row.live.div(row.nominal).mul(100) : null;
      // The share the hash-rate-drop rule tolerates: 100 % − hashrateDropPct (80 % by default).
      const floorPct = new D(100).minus(dec(settings.thresholds.hashrateDropPct));
      return {
        coin,
        algorithm: coinSpec(coin, settings)?.algorithm ?? 'unknown',
        nominalHs: decStr(row.nominal),
        liveHs: row.polled > 0 ? decStr(row.live) : null,
        livePct: livePct === null ? null : decStr(livePct, 4),
        liveBelowThreshold: livePct !== null && livePct.lt(floorPct),
        rigsOnline: row.online,
        rigsTotal: row.total,
      };
    });
}
