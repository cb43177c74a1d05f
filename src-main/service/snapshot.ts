import type { Alert } from '#api/records';
import type { PriceEntry, Snapshot } from '#api/snapshot';
import { resolveNetwork, resolvePrices } from '#core/price-resolution';
import { applyShocks } from '#core/scenario';
import { buildSnapshot, warmSnapshot, type SnapshotInput } from '#core/snapshot';
import { rigCountsOn } from '#core/rig-start';
import { cachedFigures, marginGroupOf, type RecordFigures } from '#core/snapshot-figures';
import { pauseEvery } from '#store/slices';
import type { ServiceContext } from './context';
import { volatilityTable } from './volatility';

// Gathers what the pure core needs from the store and the live rig answers, then lets
// the core compute every figure.

/**
 * History keeps hourly means for a year and daily means after that, so a recorded price
 * can be a day old by design; older than this means the app was not running then.
 */
const HISTORY_STALE_AFTER_SEC = 2 * 86_400;

/**
 * Prices as they were at `asOf`. A price recorded after `asOf` (the current feed or
 * manual price, when reviewing a past date) was not known then: the last `price.<ASSET>`
 * history point at or before `asOf` replaces it. Without such a point the current price
 * stays, and its source says so.
 */
function pricesAsOf(
  ctx: ServiceContext,
  current: Record<string, PriceEntry>,
  asOf: Date,
): Record<string, PriceEntry> {
  const out: Record<string, PriceEntry> = {};
  for (const [asset, entry] of Object.entries(current)) {
    if (Date.parse(entry.at) <= asOf.getTime()) {
      out[asset] = entry;
      continue;
    }
    const recorded = ctx.store.history.query(`price.${asset}`, undefined, asOf).at(-1);
    if (recorded === undefined) {
      out[asset] = {
        ...entry,
        source: `current price from ${entry.source} (no history at that date)`,
        fromHistory: false,
      };
      continue;
    }
    const [at, usd] = recorded;
    const ageSec = Math.max(0, Math.floor((asOf.getTime() - Date.parse(at)) / 1000));
    out[asset] = {
      usd,
      source: `history (recorded ${at})`,
      at,
      stale: ageSec > HISTORY_STALE_AFTER_SEC,
      manual: false,
      disputed: false,
      ageSec,
      fromHistory: true,
    };
  }
  return out;
}

/** The alerts active at asOf, without what happened to them later (cleared, acknowledged). */
function alertsAsOf(alerts: readonly Alert[], asOf: Date): Alert[] {
  const t = asOf.getTime();
  const after = (iso: string | undefined) => iso !== undefined && Date.parse(iso) > t;
  return alerts
    .filter(
      (a) => Date.parse(a.raisedAt) <= t && (a.resolvedAt === undefined || after(a.resolvedAt)),
    )
    .map(({ resolvedAt: _resolved, acknowledgedAt, ...alert }) =>
      acknowledgedAt === undefined || after(acknowledgedAt) ? alert : { ...alert, acknowledgedAt },
    );
}

interface CachedSnapshot {
  data: unknown;
  revision: number;
  second: number;
  snapshot: Snapshot;
}
const liveCache = new WeakMap<ServiceContext, CachedSnapshot>();
/** Each service's per-record figures of the live Snapshot (snapshot-figures.ts). */
const liveFigures = new WeakMap<ServiceContext, RecordFigures>();

/**
 * The Snapshot as of now. Each record's figures are recomputed only when what they read
 * has changed; within one second and one state, the alert evaluation, the pushed event
 * and `snapshot.get` share the very same Snapshot.
 */
export function currentSnapshot(ctx: ServiceContext): Snapshot {
  const now = ctx.now();
  const second = Math.floor(now.getTime() / 1000);
  const cached = liveCache.get(ctx);
  if (
    cached &&
    cached.data === ctx.store.data &&
    cached.revision === ctx.revision() &&
    cached.second === second
  ) {
    return cached.snapshot;
  }
  const snapshot = computeSnapshot(ctx, { asOf: now }, figuresOf(ctx));
  liveCache.set(ctx, { data: ctx.store.data, revision: ctx.revision(), second, snapshot });
  return snapshot;
}

function figuresOf(ctx: ServiceContext): RecordFigures {
  let figures = liveFigures.get(ctx);
  if (figures === undefined) {
    figures = cachedFigures();
    liveFigures.set(ctx, figures);
  }
  return figures;
}

/**
 * Works out the figures of the records whose inputs moved, a slice at a time, giving other
 * work a turn every 10 ms (core/snapshot.ts warmSnapshot); the live Snapshot computed
 * next finds them ready. What changes meanwhile is simply worked out by that build.
 */
export async function warmLiveSnapshot(ctx: ServiceContext): Promise<void> {
  await warmSnapshot(snapshotInput(ctx, { asOf: ctx.now() }), figuresOf(ctx), pauseEvery());
}

/** The live Snapshot built last, whatever has changed since; null before the first. */
export function lastLiveSnapshot(ctx: ServiceContext): Snapshot | null {
  return liveCache.get(ctx)?.snapshot ?? null;
}

/**
 * A Snapshot of only the positions and loans `choose` picks from the live inputs (each
 * position with its whole margin group), their figures worked out through the live cache
 * so the whole Snapshot built next finds them ready: the alert evaluation's first look
 * (core/alert-first-look.ts). Its farm totals cover those records only.
 */
export function liveSubsetSnapshot(
  ctx: ServiceContext,
  choose: (prices: SnapshotInput['prices']) => { positionIds: Set<string>; loanIds: Set<string> },
): Snapshot {
  const input = snapshotInput(ctx, { asOf: ctx.now() });
  const { positionIds, loanIds } = choose(input.prices);
  const groups = new Set(
    input.positions.filter((p) => positionIds.has(p.id)).map((p) => marginGroupOf(p)),
  );
  const part: SnapshotInput = {
    ...input,
    rigs: [],
    loans: input.loans.filter((l) => loanIds.has(l.id)),
    positions: input.positions.filter((p) => groups.has(marginGroupOf(p))),
  };
  const figures = figuresOf(ctx);
  return figures.warming(() => buildSnapshot(part, figures));
}

export function computeSnapshot(
  ctx: ServiceContext,
  options: { asOf?: Date; shocksPct?: Record<string, string> } = {},
  figures?: RecordFigures,
): Snapshot {
  return buildSnapshot(snapshotInput(ctx, options), figures);
}

function snapshotInput(
  ctx: ServiceContext,
  options: { asOf?: Date; shocksPct?: Record<string, string> },
): SnapshotInput {
  const db = ctx.store.data;
  const asOf = options.asOf ?? ctx.now();
  const asOfDate = asOf.toISOString().slice(0, 10);
  const pastDay = asOfDate < ctx.now().toISOString().slice(0, 10);
  const current = resolvePrices({
    manual: db.manualPrices,
    fed: db.lastPrices,
    asOf,
    staleAfterSec: db.settings.staleAfterSec,
  });
  const resolved = pricesAsOf(ctx, current, asOf);
  const prices = options.shocksPct ? applyShocks(resolved, options.shocksPct) : resolved;
  return {
    asOf,
    offline: ctx.offline || db.settings.offline,
    settings: db.settings,
    // The books of a past day hold only what existed then: a loan not yet taken, a position
    // not yet opened or a rig not yet bought is left out. Today shows every record.
    rigs: pastDay ? db.rigs.filter((r) => rigCountsOn(r, asOfDate)) : db.rigs,
    loans: pastDay ? db.loans.filter((l) => l.startDate <= asOfDate) : db.loans,
    positions: pastDay
      ? db.positions.filter((p) => Date.parse(p.openedAt) <= asOf.getTime())
      : db.positions,
    prices,
    network: resolveNetwork({ manual: db.manualNetwork, fed: db.lastNetwork, asOf }),
    // Readings and alerts as they stood at asOf: nothing from after it.
    rigLive: Object.fromEntries(
      [...ctx.rigLive].filter(([, live]) => Date.parse(live.at) <= asOf.getTime()),
    ),
    alerts: alertsAsOf(db.alerts, asOf),
    notices: ctx.store.notices,
    scenario: options.shocksPct ?? null,
    funding: db.lastFunding,
    // σ per asset, measured once per day from the price history (service/volatility.ts).
    volatility: volatilityTable(ctx, db, db.settings, asOf),
  };
}
