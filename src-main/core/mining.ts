import type { Rig, Settings } from '#api/records';
import type { CoinSpec } from './coins';
import { D, type Dec, ONE, ZERO, dec, pctToRate } from '#shared/decimal';
import { toHs } from '#shared/units';
import {
  DEFAULT_EFFICIENCY_UNIT,
  type EfficiencyUnit,
  hashesPerEfficiencyUnit,
} from '#shared/efficiency';

// Mining economics (docs/formulas.md "Mining"). Everything per day, in coins or USD.
//
// Rig status: an `active` rig counts fully. A rig in `maintenance` or `retired` is not
// running, so it produces no coins, draws no power and costs nothing per day — in its own
// row and in the farm totals. Its break-even figures and efficiency are still computed
// from nameplate values, so the operator can judge whether bringing it back pays.
//
// An active rig whose live poll says it is offline earns nothing while it stays so: its
// revenue is 0 and the nameplate revenue is shown as lost. Its power cost still counts,
// because a rig that stopped answering is often hung, not unplugged.

const SECONDS_PER_DAY = new D(86_400);
const HOURS_PER_DAY = new D(24);
const TH = new D(10).pow(12);
const PH = new D(10).pow(15);

export interface NetworkTerms {
  difficulty: Dec;
  /** Block subsidy in coins. */
  blockReward: Dec;
  /** Average fees per block in coins. */
  feesPerBlock: Dec;
}

/** W: the expected number of hashes to find one block. */
export function expectedHashesPerBlock(difficulty: Dec, spec: CoinSpec): Dec {
  // docs/formulas.md "Expected hashes per block": W = D × 2^32 (BTC, LTC), D (ETC), 2 × D (KAS) — the coin's hashes per difficulty.
  return difficulty.mul(spec.hashesPerDifficulty);
}

/** Network hash rate in H/s implied by the difficulty. */
export function networkHashrateHs(difficulty: Dec, spec: CoinSpec): Dec {
  // docs/formulas.md "Expected hashes per block": network hash rate = W / block time.
  return expectedHashesPerBlock(difficulty, spec).div(spec.blockTimeSec);
}

/** Coins one H/s earns per day before the pool fee; null when the difficulty is not positive. */
export function coinsPerHashDay(network: NetworkTerms, spec: CoinSpec): Dec | null {
  // docs/formulas.md "Coins per day": coins/day = h × 86400 × (R + F) × (1 − poolFee) / W, here for h = 1 and no fee.
  const w = expectedHashesPerBlock(network.difficulty, spec);
  if (w.lte(0)) return null;
  return SECONDS_PER_DAY.mul(network.blockReward.plus(network.feesPerBlock)).div(w);
}

/** Coins a hash rate earns per day, after the pool fee. */
export function coinsPerDay(
  hashrateHs: Dec,
  network: NetworkTerms,
  spec: CoinSpec,
  poolFeePct: Dec | string,
): Dec {
  const perHash = coinsPerHashDay(network, spec);
  return perHash === null ? ZERO : applyPoolFee(hashrateHs.mul(perHash), poolFeePct);
}

/** What the pool leaves the miner: coins × (1 − poolFee). */
export function applyPoolFee(coins: Dec, poolFeePct: Dec | string): Dec {
  return coins.mul(ONE.minus(pctToRate(poolFeePct)));
}

/** USD earned per day. */
export function revenueUsdPerDay(coins: Dec, priceUsd: Dec): Dec {
  return coins.mul(priceUsd);
}

/** Power cost per day in USD. */
export function powerCostUsdPerDay({
  watts,
  quantity,
  perKwh,
}: {
  watts: Dec;
  quantity: number;
  perKwh: Dec;
}): Dec {
  // docs/formulas.md "Power cost and break-evens": power cost/day = watts × 24 / 1000 × $/kWh × quantity.
  return watts.mul(HOURS_PER_DAY).div(1000).mul(perKwh).mul(quantity);
}

/** The electricity price a rig pays: its own override, else the farm default. */
export function rigPerKwh(
  rig: Pick<Rig, 'electricityPerKwh'>,
  settings: Pick<Settings, 'electricityPerKwh'>,
): Dec {
  return dec(rig.electricityPerKwh ?? settings.electricityPerKwh);
}

/** Coin price at which revenue equals power cost; null when the rig earns no coins. */
export function breakEvenPriceUsd(powerCostPerDay: Dec, coins: Dec): Dec | null {
  // docs/formulas.md "Power cost and break-evens": break-even coin price = power cost / coins per day.
  return coins.gt(0) ? powerCostPerDay.div(coins) : null;
}

/** Electricity price at which revenue equals power cost; null when the rig draws no power. */
export function breakEvenPerKwh(revenuePerDay: Dec, totalWatts: Dec): Dec | null {
  // docs/formulas.md "Power cost and break-evens": break-even $/kWh = revenue / (kW × 24).
  const kwhPerDay = totalWatts.div(1000).mul(HOURS_PER_DAY);
  return kwhPerDay.gt(0) ? revenuePerDay.div(kwhPerDay) : null;
}

/** Joules per terahash; null for a zero hash rate. */
export function efficiencyJPerTh(watts: Dec, hashrateHs: Dec): Dec | null {
  // docs/formulas.md "Efficiency": J/TH = watts / (TH/s).
  return hashrateHs.gt(0) ? watts.div(hashrateHs.div(TH)) : null;
}

/** Joules per hash in the algorithm's unit (J/TH, J/GH, J/MH …); null for a zero hash rate. */
export function efficiencyJPer(watts: Dec, hashrateHs: Dec, unit: EfficiencyUnit): Dec | null {
  // docs/formulas.md "Efficiency": power ÷ hash rate, W ÷ (H/s ÷ hashes per unit) = J per unit of hashes.
  return hashrateHs.gt(0) ? watts.div(hashrateHs.div(hashesPerEfficiencyUnit(unit))) : null;
}

/** BTC hashprice: USD one PH/s earns per day (no pool fee). */
export function hashpriceUsdPerPhDay(network: NetworkTerms, spec: CoinSpec, priceUsd: Dec): Dec {
  // Luxor "Hashprice": expected USD value of 1 PH/s of hashing per day = coins/day(1 PH/s) × price.
  return coinsPerDay(PH, network, spec, ZERO).mul(priceUsd);
}

/** Nameplate hash rate of a rig record in H/s: unit hash rate × quantity. */
export function rigNominalHs(rig: Pick<Rig, 'hashrate' | 'hashrateUnit' | 'quantity'>): Dec {
  return toHs(rig.hashrate, rig.hashrateUnit).mul(rig.quantity);
}

/** Nameplate power of a rig record in watts: unit power × quantity. */
export function rigNominalWatts(rig: Pick<Rig, 'powerWatts' | 'quantity'>): Dec {
  return dec(rig.powerWatts).mul(rig.quantity);
}

/** Whether a rig's production and power count (see the status note at the top). */
export function rigIsRunning(rig: Pick<Rig, 'status'>): boolean {
  return rig.status === 'active';
}

export interface RigEconomics {
  nominalHs: Dec;
  coinsPerDay: Dec | null;
  revenueUsdPerDay: Dec | null;
  powerCostUsdPerDay: Dec;
  profitUsdPerDay: Dec | null;
  breakEvenPriceUsd: Dec | null;
  breakEvenPerKwh: Dec | null;
  efficiencyJPerTh: Dec | null;
  /** In the unit its coin's machines are sold in. */
  efficiency: { value: Dec | null; unit: EfficiencyUnit };
  /** Nameplate revenue not earned because the live poll says the rig is offline. */
  revenueLostUsdPerDay: Dec | null;
}

/** What the caller knows beyond the record: the live poll's verdict, the coin's unit. */
export interface RigConditions {
  /** false when the rig's live poll reports it offline; unknown (not polled) counts as on. */
  online?: boolean;
  efficiencyUnit?: EfficiencyUnit;
}

/**
 * A rig's daily figures from its coin's yield (coins per H/s per day, see coinsPerHashDay;
 * null when the coin or its chain stats are unknown → coins null) and price (null →
 * revenue null). The yield is computed once per coin by the caller.
 */
export function rigEconomics(
  rig: Rig,
  settings: Pick<Settings, 'electricityPerKwh'>,
  coinsPerHs: Dec | null,
  priceUsd: Dec | null,
  conditions: RigConditions = {},
): RigEconomics {
  const nominalHs = rigNominalHs(rig);
  const watts = rigNominalWatts(rig);
  const perKwh = rigPerKwh(rig, settings);
  const nameplateCoins =
    coinsPerHs === null ? null : applyPoolFee(nominalHs.mul(coinsPerHs), rig.poolFeePct);
  const nameplateCost = powerCostUsdPerDay({
    watts: dec(rig.powerWatts),
    quantity: rig.quantity,
    perKwh,
  });
  const nameplateRevenue =
    nameplateCoins && priceUsd ? revenueUsdPerDay(nameplateCoins, priceUsd) : null;

  const running = rigIsRunning(rig);
  const earning = running && conditions.online !== false;
  const coins = earning ? nameplateCoins : nameplateCoins && ZERO;
  const revenue = earning ? nameplateRevenue : nameplateRevenue && ZERO;
  const cost = running ? nameplateCost : ZERO;
  const unitHs = toHs(rig.hashrate, rig.hashrateUnit);
  const efficiencyUnit = conditions.efficiencyUnit ?? DEFAULT_EFFICIENCY_UNIT;
  return {
    nominalHs,
    coinsPerDay: coins,
    revenueUsdPerDay: revenue,
    powerCostUsdPerDay: cost,
    profitUsdPerDay: revenue ? revenue.minus(cost) : null,
    breakEvenPriceUsd: nameplateCoins ? breakEvenPriceUsd(nameplateCost, nameplateCoins) : null,
    breakEvenPerKwh: nameplateRevenue ? breakEvenPerKwh(nameplateRevenue, watts) : null,
    efficiencyJPerTh: efficiencyJPerTh(dec(rig.powerWatts), unitHs),
    efficiency: {
      value: efficiencyJPer(dec(rig.powerWatts), unitHs, efficiencyUnit),
      unit: efficiencyUnit,
    },
    revenueLostUsdPerDay: running && !earning ? nameplateRevenue : nameplateRevenue && ZERO,
  };
}
