import { RpcError } from '#api/errors';
import type { Runway, RunwayParams } from '#api/runway';
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

/** The rate per retarget: the operator's for this call, else history, else mempool, else settings. */
function difficultyRate(
  ctx: ServiceContext,
  params: RunwayParams,
): { perRetargetPct: Dec; source: Runway['assumptions']['source'] } {
  if (params.difficultyPerRetargetPct !== undefined) {
    return { perRetargetPct: dec(params.difficultyPerRetargetPct), source: 'operator' };
  }
  const now = ctx.now();
  const recorded = ctx.store.history.query(
    'network.BTC.difficulty',
    new Date(now.getTime() - TREND_WINDOW_MS),
    now,
  );
  const mean = meanRetargetPct(recorded);
  if (mean !== null) return { perRetargetPct: mean, source: 'history' };
  const estimate = ctx.store.data.lastNetwork.BTC?.retarget;
  if (estimate !== undefined) {
    return { perRetargetPct: dec(estimate.difficultyChangePct), source: 'mempool' };
  }
  return {
    perRetargetPct: dec(ctx.store.data.settings.risk.difficultyPerRetargetPct),
    source: 'settings',
  };
}

export function getRunway(ctx: ServiceContext, params: RunwayParams): Runway {
  const snapshot = currentSnapshot(ctx);
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
  const spec = coinSpec('BTC', ctx.store.data.settings);
  const running = snapshot.rigs.filter((rig) => rig.status === 'active');
  const sum = (values: (string | null)[]) =>
    values.reduce<Dec>((total, v) => (v === null ? total : total.plus(dec(v))), ZERO);
  const estimate = ctx.store.data.lastNetwork.BTC?.retarget;
  return runway({
    asOf: new Date(snapshot.asOf),
    months: params.months ?? DEFAULT_MONTHS,
    pricePathPctPerMonth: dec(params.pricePathPctPerMonth ?? '0'),
    difficulty: difficultyRate(ctx, params),
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
    loans: ctx.store.data.loans,
    priceOf: (asset) => priceUsdOf(asset, snapshot.prices),
  });
}
