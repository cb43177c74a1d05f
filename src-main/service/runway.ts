import { RpcError } from '#api/errors';
import type { Runway, RunwayParams } from '#api/runway';
import type { Snapshot } from '#api/snapshot';
import { isoDateOf } from '#core/calendar';
import { coinSpec } from '#core/coins';
import { meanRetargetPct } from '#core/difficulty-trend';
import { priceUsdOf } from '#core/prices';
import { runway } from '#core/runway';
import { type Dec, ZERO, dec } from '#shared/decimal';
import type { ServiceContext } from './context';
import { currentSnapshot } from './snapshot';

// runway.get: today's figures from the Snapshot, the difficulty trend from history or the
// chain feed, then the pure runway (core/runway.ts).

const TREND_WINDOW_MS = 90 * 86_400_000;
const DEFAULT_MONTHS = 12;

/** The chain feed's estimate of the next adjustment, when it speaks of the time asked about. */
type RetargetEstimate = { difficultyChangePct: string; estimatedRetargetDate: string } | undefined;

/** The rate per retarget: the operator's for this call, else history, else mempool, else settings. */
function difficultyRate(
  ctx: ServiceContext,
  params: RunwayParams,
  asOf: Date,
  estimate: RetargetEstimate,
): { perRetargetPct: Dec; source: Runway['assumptions']['source'] } {
  if (params.difficultyPerRetargetPct !== undefined) {
    return { perRetargetPct: dec(params.difficultyPerRetargetPct), source: 'operator' };
  }
  const recorded = ctx.store.history.query(
    'network.BTC.difficulty',
    new Date(asOf.getTime() - TREND_WINDOW_MS),
    asOf,
  );
  const mean = meanRetargetPct(recorded);
  if (mean !== null) return { perRetargetPct: mean, source: 'history' };
  if (estimate !== undefined) {
    return { perRetargetPct: dec(estimate.difficultyChangePct), source: 'mempool' };
  }
  return {
    perRetargetPct: dec(ctx.store.data.settings.risk.difficultyPerRetargetPct),
    source: 'settings',
  };
}

export function getRunway(ctx: ServiceContext, params: RunwayParams): Runway {
  return runwayFrom(ctx, currentSnapshot(ctx), params);
}

/**
 * The runway from the farm a Snapshot shows: today's for runway.get, the reviewed day's for
 * the printable report. The difficulty trend is measured from the 90 days before the
 * Snapshot; the chain feed's estimate of the next adjustment counts only for a Snapshot of
 * today (it is today's estimate).
 */
export function runwayFrom(ctx: ServiceContext, snapshot: Snapshot, params: RunwayParams): Runway {
  const network = snapshot.network.BTC;
  if (network === undefined || network.height === null) {
    throw new RpcError(
      'conflict',
      'The runway needs Bitcoin’s difficulty and block height: let the chain feed run, or set them under network figures (difficulty and height).',
    );
  }
  const price = priceUsdOf('BTC', snapshot.prices);
  if (price === null) {
    throw new RpcError(
      'conflict',
      'The runway needs a BTC price: refresh the prices or set one by hand.',
    );
  }
  const asOf = new Date(snapshot.asOf);
  const today = isoDateOf(ctx.now());
  const estimate =
    snapshot.asOf.slice(0, 10) === today ? ctx.store.data.lastNetwork.BTC?.retarget : undefined;
  const spec = coinSpec('BTC', ctx.store.data.settings);
  const running = snapshot.rigs.filter((rig) => rig.status === 'active');
  const sum = (values: (string | null)[]) =>
    values.reduce<Dec>((total, v) => (v === null ? total : total.plus(dec(v))), ZERO);
  // The loans the Snapshot counts (a past day's has none taken after it).
  const counted = new Set(snapshot.loans.map((l) => l.id));
  return runway({
    asOf,
    months: params.months ?? DEFAULT_MONTHS,
    pricePathPctPerMonth: dec(params.pricePathPctPerMonth ?? '0'),
    difficulty: difficultyRate(ctx, params, asOf, estimate),
    nextRetargetEstimate:
      estimate === undefined
        ? null
        : { changePct: dec(estimate.difficultyChangePct), date: estimate.estimatedRetargetDate },
    btc: {
      priceUsd: price,
      difficulty: dec(network.difficulty),
      blockReward: dec(network.blockReward),
      feesPerBlock: dec(network.feesPerBlock),
      height: network.height,
      blockTimeSec: spec === null ? 600 : spec.blockTimeSec.toNumber(),
      coinsPerDay: sum(running.filter((r) => r.coin === 'BTC').map((r) => r.coinsPerDay)),
    },
    otherCoinsRevenueUsdPerDay: sum(
      running.filter((r) => r.coin !== 'BTC').map((r) => r.revenueUsdPerDay),
    ),
    powerCostUsdPerDay: dec(snapshot.farm.powerCostUsdPerDay),
    loans: ctx.store.data.loans.filter((l) => counted.has(l.id)),
    priceOf: (asset) => priceUsdOf(asset, snapshot.prices),
  });
}
