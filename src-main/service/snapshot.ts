import type { Snapshot } from '../api/snapshot';
import { resolveNetwork, resolvePrices } from '../core/price-resolution';
import { applyShocks } from '../core/scenario';
import { buildSnapshot } from '../core/snapshot';
import type { ServiceContext } from './context';

// Gathers what the pure core needs from the store and the live rig answers, then lets
// the core compute every figure.

export function computeSnapshot(
  ctx: ServiceContext,
  options: { asOf?: Date; shocksPct?: Record<string, string> } = {},
): Snapshot {
  const db = ctx.store.data;
  const asOf = options.asOf ?? ctx.now();
  const resolved = resolvePrices({
    manual: db.manualPrices,
    fed: db.lastPrices,
    asOf,
    staleAfterSec: db.settings.staleAfterSec,
  });
  const prices = options.shocksPct ? applyShocks(resolved, options.shocksPct) : resolved;
  return buildSnapshot({
    asOf,
    offline: ctx.offline || db.settings.offline,
    settings: db.settings,
    rigs: db.rigs,
    loans: db.loans,
    positions: db.positions,
    prices,
    network: resolveNetwork({ manual: db.manualNetwork, fed: db.lastNetwork, asOf }),
    rigLive: Object.fromEntries(ctx.rigLive),
    alerts: db.alerts.filter((a) => a.resolvedAt === undefined),
    notices: ctx.store.notices,
    scenario: options.shocksPct ?? null,
  });
}
