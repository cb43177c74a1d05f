// The coins RigLedger knows out of the box and the facts a miner reads about them: the
// algorithm, the target block time and how many hashes one unit of difficulty stands for
// (docs/formulas.md "Mining"). Plain data, so the core computes with it and the dashboard
// lists it from the same table.

import type { EfficiencyUnit } from './efficiency';

export const BUILTIN_COINS = ['BTC', 'LTC', 'KAS', 'ETC'] as const;
export type BuiltinCoin = (typeof BUILTIN_COINS)[number];

export interface CoinFacts {
  algorithm: string;
  /** Target seconds between blocks, as a decimal string. */
  blockTimeSec: string;
  /** Expected hashes per block = difficulty × this, as a decimal string. */
  hashesPerDifficulty: string;
  /** The unit its machines' efficiency is read in (J/TH for SHA-256 …). */
  efficiencyUnit: EfficiencyUnit;
}

export const BUILTIN_COIN_FACTS: Record<BuiltinCoin, CoinFacts> = {
  // Bitcoin wiki "Difficulty": hashes per block = D × 2^32; target block time 600 s.
  BTC: {
    algorithm: 'SHA-256',
    blockTimeSec: '600',
    hashesPerDifficulty: '4294967296',
    efficiencyUnit: 'J/TH',
  },
  // Litecoin inherits Bitcoin's difficulty definition (D × 2^32) with 150 s blocks.
  LTC: {
    algorithm: 'Scrypt',
    blockTimeSec: '150',
    hashesPerDifficulty: '4294967296',
    efficiencyUnit: 'J/GH',
  },
  // Kaspa (rusty-kaspa difficulty → hashrate): hashes per block = 2 × D; 10 blocks/s since Crescendo.
  KAS: {
    algorithm: 'kHeavyHash',
    blockTimeSec: '0.1',
    hashesPerDifficulty: '2',
    efficiencyUnit: 'J/TH',
  },
  // Ethereum Classic Etchash: difficulty is the expected hash count per block; ~13 s blocks.
  ETC: {
    algorithm: 'Etchash',
    blockTimeSec: '13',
    hashesPerDifficulty: '1',
    efficiencyUnit: 'J/MH',
  },
};

export function isBuiltinCoin(symbol: string): symbol is BuiltinCoin {
  return (BUILTIN_COINS as readonly string[]).includes(symbol);
}

/**
 * Why a custom coin's symbol cannot be added next to `existing` custom symbols, or null
 * when it can. The settings schema and the Settings page both ask this one function.
 */
export function customCoinClash(symbol: string, existing: readonly string[]): string | null {
  if (isBuiltinCoin(symbol))
    return `${symbol} is built in; a custom coin needs a symbol of its own.`;
  if (existing.includes(symbol)) return `${symbol} is listed twice.`;
  return null;
}

/** The coins a rig may mine: the built-in ones, then the operator's custom coins. */
export function minableCoins(customCoins: readonly { symbol: string }[]): string[] {
  return [...new Set<string>([...BUILTIN_COINS, ...customCoins.map((c) => c.symbol)])];
}
