import type { Settings } from '#api/records';
import { BUILTIN_COIN_FACTS, isBuiltinCoin, type BuiltinCoin } from '#shared/coins';
import { D, type Dec, dec } from '#shared/decimal';
import { DEFAULT_EFFICIENCY_UNIT, type EfficiencyUnit } from '#shared/efficiency';

// The coin registry: which algorithm a coin is mined with, how long a block takes and
// how many hashes one unit of difficulty stands for (docs/formulas.md "Expected hashes per block and network hash rate").

export type { BuiltinCoin };

export interface CoinSpec {
  symbol: string;
  algorithm: string;
  blockTimeSec: Dec;
  /** Expected hashes per block = difficulty × this. */
  hashesPerDifficulty: Dec;
  efficiencyUnit: EfficiencyUnit;
  builtin: boolean;
}

export { isBuiltinCoin };

/**
 * The spec of a coin: a built-in one, else a custom coin from settings. Built-ins win
 * over a custom coin of the same symbol so BTC always means Bitcoin. Unknown → null.
 */
export function coinSpec(symbol: string, settings: Pick<Settings, 'coins'>): CoinSpec | null {
  const upper = symbol.toUpperCase();
  if (isBuiltinCoin(upper)) {
    const facts = BUILTIN_COIN_FACTS[upper];
    return {
      symbol: upper,
      builtin: true,
      algorithm: facts.algorithm,
      blockTimeSec: dec(facts.blockTimeSec),
      hashesPerDifficulty: dec(facts.hashesPerDifficulty),
      efficiencyUnit: facts.efficiencyUnit,
    };
  }
  const custom = settings.coins.find((c) => c.symbol.toUpperCase() === upper);
  if (!custom) return null;
  return {
    symbol: upper,
    algorithm: custom.algorithm,
    blockTimeSec: dec(custom.blockTimeSec),
    hashesPerDifficulty: dec(custom.hashesPerDifficulty),
    efficiencyUnit: custom.efficiencyUnit ?? DEFAULT_EFFICIENCY_UNIT,
    builtin: false,
  };
}

const SUBSIDY_RULES: Record<string, { initialSats: Dec; halvingInterval: number }> = {
  // Bitcoin Core GetBlockSubsidy: 50 BTC, halved every 210,000 blocks, in whole satoshis.
  BTC: { initialSats: new D(5_000_000_000), halvingInterval: 210_000 },
  // Litecoin Core GetBlockSubsidy: 50 LTC, halved every 840,000 blocks, in whole litoshis.
  LTC: { initialSats: new D(5_000_000_000), halvingInterval: 840_000 },
};

/** Block subsidy in coins at a height, for coins with a known halving schedule; else null. */
export function blockSubsidy(symbol: string, height: number): Dec | null {
  const rule = SUBSIDY_RULES[symbol.toUpperCase()];
  if (!rule || !Number.isInteger(height) || height < 0) return null;
  const halvings = Math.floor(height / rule.halvingInterval);
  // Bitcoin Core: the right shift is undefined past 63, the subsidy is 0 from then on.
  if (halvings >= 64) return new D(0);
  const sats = rule.initialSats.div(new D(2).pow(halvings)).floor();
  return sats.div(100_000_000);
}
