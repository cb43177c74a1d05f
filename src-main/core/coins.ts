import { BUILTIN_COINS, type Settings } from '../api/records';
import { D, type Dec, dec } from './decimal';

// The coin registry: which algorithm a coin is mined with, how long a block takes and
// how many hashes one unit of difficulty stands for (SPEC §6 "Mining").

export type BuiltinCoin = (typeof BUILTIN_COINS)[number];

export interface CoinSpec {
  symbol: string;
  algorithm: string;
  blockTimeSec: Dec;
  /** Expected hashes per block = difficulty × this. */
  hashesPerDifficulty: Dec;
  builtin: boolean;
}

const TWO_POW_32 = new D(2).pow(32);

const BUILTIN_SPECS: Record<BuiltinCoin, Omit<CoinSpec, 'symbol' | 'builtin'>> = {
  // Bitcoin wiki "Difficulty": hashes per block = D × 2^32; target block time 600 s.
  BTC: { algorithm: 'SHA-256', blockTimeSec: new D(600), hashesPerDifficulty: TWO_POW_32 },
  // Litecoin inherits Bitcoin's difficulty definition (D × 2^32) with 150 s blocks.
  LTC: { algorithm: 'Scrypt', blockTimeSec: new D(150), hashesPerDifficulty: TWO_POW_32 },
  // Kaspa (rusty-kaspa difficulty → hashrate): hashes per block = 2 × D; 10 blocks/s since Crescendo.
  KAS: { algorithm: 'kHeavyHash', blockTimeSec: new D('0.1'), hashesPerDifficulty: new D(2) },
  // Ethereum Classic Etchash: difficulty is the expected hash count per block; ~13 s blocks.
  ETC: { algorithm: 'Etchash', blockTimeSec: new D(13), hashesPerDifficulty: new D(1) },
};

export function isBuiltinCoin(symbol: string): symbol is BuiltinCoin {
  return (BUILTIN_COINS as readonly string[]).includes(symbol);
}

/**
 * The spec of a coin: a built-in one, else a custom coin from settings. Built-ins win
 * over a custom coin of the same symbol so BTC always means Bitcoin. Unknown → null.
 */
export function coinSpec(symbol: string, settings: Pick<Settings, 'coins'>): CoinSpec | null {
  const upper = symbol.toUpperCase();
  if (isBuiltinCoin(upper)) return { symbol: upper, builtin: true, ...BUILTIN_SPECS[upper] };
  const custom = settings.coins.find((c) => c.symbol.toUpperCase() === upper);
  if (!custom) return null;
  return {
    symbol: upper,
    algorithm: custom.algorithm,
    blockTimeSec: dec(custom.blockTimeSec),
    hashesPerDifficulty: dec(custom.hashesPerDifficulty),
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
