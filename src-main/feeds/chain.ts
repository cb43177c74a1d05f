import { z } from 'zod';
import { D, type Dec, decStr } from '#shared/decimal';
import type { StoredNetwork } from '#api/records';
import type { SourceSettings } from '#api/settings';
import {
  type FeedContext,
  type FeedFailure,
  excerpt,
  failure,
  getJson,
  getText,
  isFailure,
  sourceUrl,
} from './http-client';
import { readDecimal } from './reply-values';

// Chain stats for Bitcoin from mempool.space (docs/formulas.md "Chain statistics and rig readings"):
//   /api/v1/mining/hashrate/3d        → currentDifficulty, currentHashrate
//   /api/blocks/tip/height            → plain-text height, for the block subsidy
//   /api/v1/mining/reward-stats/144   → totalFee (sat, a string) over endBlock − startBlock + 1 blocks
//   /api/v1/difficulty-adjustment     → the next retarget (shown, not required)

export const CHAIN_LABEL = 'mempool.space chain stats';
const LABEL = CHAIN_LABEL;
const SATS_PER_BTC = new D(100_000_000);

export interface Retarget {
  progressPercent: number;
  difficultyChangePct: number;
  remainingBlocks: number;
  estimatedRetargetDate: string;
}

export interface ChainStats {
  network: StoredNetwork;
  networkHashrateHs: string;
  /** Null when only the retarget estimate failed; the reason is in `warnings`. */
  retarget: Retarget | null;
  warnings: string[];
}

const hashrateSchema = z.object({
  currentDifficulty: z.union([z.number(), z.string()]),
  currentHashrate: z.union([z.number(), z.string()]),
});
const rewardStatsSchema = z.object({
  startBlock: z.number().int().nonnegative(),
  endBlock: z.number().int().nonnegative(),
  totalFee: z.union([z.string(), z.number()]),
});
const adjustmentSchema = z.object({
  progressPercent: z.number(),
  difficultyChange: z.number(),
  remainingBlocks: z.number().int(),
  /** Milliseconds since 1970; refused when it is not a real date. */
  estimatedRetargetDate: z.number().refine((ms) => Number.isFinite(new Date(ms).getTime())),
});

/** Bitcoin block subsidy: 50 BTC halved every 210,000 blocks (Bitcoin Core GetBlockSubsidy). */
export function btcSubsidy(height: number): Dec {
  const halvings = Math.floor(height / 210_000);
  if (halvings >= 64) return new D(0);
  return new D(50).div(new D(2).pow(halvings));
}

async function fetchParsed<T>(
  url: string,
  schema: z.ZodType<T>,
  what: string,
  ctx: FeedContext,
): Promise<T | FeedFailure> {
  const reply = await getJson(LABEL, url, ctx);
  if (isFailure(reply)) return reply;
  const parsed = schema.safeParse(reply.json);
  return parsed.success
    ? parsed.data
    : failure('bad-reply', `${LABEL}: the ${what} reply has an unexpected shape.`);
}

function isFeedFailure(value: unknown): value is FeedFailure {
  return typeof value === 'object' && value !== null && isFailure(value);
}

async function fetchHeight(baseUrl: string, ctx: FeedContext): Promise<number | FeedFailure> {
  const reply = await getText(LABEL, sourceUrl(baseUrl, '/api/blocks/tip/height'), ctx);
  if (isFailure(reply)) return reply;
  const text = reply.text.trim();
  if (!/^\d{1,9}$/.test(text))
    return failure('bad-reply', `${LABEL}: the tip height is not a number ("${excerpt(text)}").`);
  return Number(text);
}

export async function fetchChainStats(
  settings: SourceSettings,
  ctx: FeedContext,
): Promise<ChainStats | FeedFailure> {
  const url = (path: string) => sourceUrl(settings.baseUrl, path);
  const [hashrate, height, rewards, adjustment] = await Promise.all([
    fetchParsed(url('/api/v1/mining/hashrate/3d'), hashrateSchema, 'hash rate', ctx),
    fetchHeight(settings.baseUrl, ctx),
    fetchParsed(url('/api/v1/mining/reward-stats/144'), rewardStatsSchema, 'reward stats', ctx),
    fetchParsed(
      url('/api/v1/difficulty-adjustment'),
      adjustmentSchema,
      'difficulty adjustment',
      ctx,
    ),
  ]);
  if (isFeedFailure(hashrate)) return hashrate;
  if (isFeedFailure(height)) return height;
  if (isFeedFailure(rewards)) return rewards;

  const difficulty = readDecimal(hashrate.currentDifficulty);
  if (difficulty === null || difficulty.lte(0)) {
    return failure(
      'bad-reply',
      `${LABEL} gave an impossible difficulty (${String(hashrate.currentDifficulty)}).`,
    );
  }
  const networkHashrate = readDecimal(hashrate.currentHashrate);
  if (networkHashrate === null || networkHashrate.lte(0)) {
    return failure(
      'bad-reply',
      `${LABEL} gave an impossible network hash rate (${String(hashrate.currentHashrate)}).`,
    );
  }
  const totalFeeSat = readDecimal(rewards.totalFee);
  const blocks = rewards.endBlock - rewards.startBlock + 1;
  if (totalFeeSat === null || totalFeeSat.isNeg() || blocks < 1) {
    return failure(
      'bad-reply',
      `${LABEL} gave impossible fee totals (${String(rewards.totalFee)} sat over ${blocks} blocks).`,
    );
  }

  const warnings: string[] = [];
  let retarget: Retarget | null = null;
  if (isFeedFailure(adjustment)) {
    warnings.push(`The next difficulty retarget is unknown: ${adjustment.message}`);
  } else {
    retarget = {
      progressPercent: adjustment.progressPercent,
      difficultyChangePct: adjustment.difficultyChange,
      remainingBlocks: adjustment.remainingBlocks,
      estimatedRetargetDate: new Date(adjustment.estimatedRetargetDate).toISOString(),
    };
  }

  return {
    network: {
      difficulty: decStr(difficulty),
      // The block being mined now is the one after the tip: its subsidy is what rigs earn.
      blockReward: decStr(btcSubsidy(height + 1), 8),
      feesPerBlock: decStr(totalFeeSat.div(SATS_PER_BTC).div(blocks), 8),
      height,
      source: 'mempool.space',
      at: ctx.now().toISOString(),
      ...(retarget === null
        ? {}
        : {
            retarget: {
              difficultyChangePct: decStr(new D(retarget.difficultyChangePct), 4),
              remainingBlocks: retarget.remainingBlocks,
              estimatedRetargetDate: retarget.estimatedRetargetDate,
            },
          }),
    },
    networkHashrateHs: decStr(networkHashrate, 0),
    retarget,
    warnings,
  };
}
