import { D, type Dec } from '#shared/decimal';
import { blockSubsidy } from './coins';

// Bitcoin's block schedule (docs/formulas-risk.md "Bitcoin schedule"): the difficulty is
// retargeted every 2,016 blocks (the first block of each period, a height divisible by
// 2,016, is mined at the new difficulty) and the subsidy halves every 210,000 blocks
// (Bitcoin Core `GetBlockSubsidy`: block 1,050,000 is the first to pay 1.5625 BTC).
// Future blocks are expected one block time apart from the current tip.

export const RETARGET_INTERVAL = 2016;
export const HALVING_INTERVAL = 210_000;

/** The first height above `height` that is a multiple of `interval`. */
export function nextMultipleAbove(height: number, interval: number): number {
  return (Math.floor(height / interval) + 1) * interval;
}

/** Retarget periods between the block being mined now (tip + 1) and block `height`. */
export function retargetsBefore(tip: number, height: number): number {
  return Math.floor(height / RETARGET_INTERVAL) - Math.floor((tip + 1) / RETARGET_INTERVAL);
}

/** When block `height` is expected: `blockTimeSec` per block after the tip found at `at`. */
export function expectedBlockTime(
  tip: number,
  at: Date,
  height: number,
  blockTimeSec: number,
): Date {
  return new Date(at.getTime() + (height - tip) * blockTimeSec * 1000);
}

/**
 * The heights of the blocks expected to be found in [start, end): block n is found at
 * `at` + (n − tip) × block time. Null when none is.
 */
export function blocksFoundIn(
  tip: number,
  at: Date,
  start: Date,
  end: Date,
  blockTimeSec: number,
): { first: number; last: number } | null {
  const blockMs = blockTimeSec * 1000;
  const first = Math.max(tip + 1, tip + Math.ceil((start.getTime() - at.getTime()) / blockMs));
  const last = tip + Math.ceil((end.getTime() - at.getTime()) / blockMs) - 1;
  return last >= first ? { first, last } : null;
}

/** Bitcoin's subsidy at a height (whole satoshis). */
export function btcSubsidyAt(height: number): Dec {
  return blockSubsidy('BTC', height) ?? new D(0);
}
