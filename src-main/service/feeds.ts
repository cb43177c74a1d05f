import type { FundingQuote } from '#api/funding';
import type { StoredNetwork, StoredPrice } from '#api/records';
import { fundingMarketsInUse, mergeFundingQuotes } from '#core/funding';
import type { RigLive } from '#api/snapshot';
import { pricesInUse } from '#core/snapshot';
import { createFeedScheduler, type FeedScheduler } from '#feeds/scheduler';
import type { AlertEngine } from './alerts';
import type { ServiceContext } from './context';
import { historyValues } from './history';
import { currentSnapshot } from './snapshot';
import { describeError } from '#shared/describe-error';

// Connects the feed scheduler to the store: each agreed price round, chain reading and
// rig poll is stored, recorded in history and re-evaluated by the alert engine.

export interface RunningFeeds {
  scheduler: FeedScheduler;
  /** Resolves once every result received so far is stored and its alerts evaluated. */
  settled(): Promise<void>;
}

export function startFeeds(
  ctx: ServiceContext,
  alerts: AlertEngine,
  options: { feedTimeoutMs?: number | undefined } = {},
): RunningFeeds {
  let pending: Promise<void> = Promise.resolve();
  // Results are stored one after another, in the order they arrived.
  const enqueue = (what: string, work: () => Promise<void>) => {
    pending = pending.then(work).catch((error: unknown) => {
      ctx.log(`Could not store ${what}: ${describeError(error)}`);
    });
  };

  // History is recorded from the Snapshot the alert evaluation of the change built (one
  // computation per change), after it: the evaluation, with its first look at the
  // records near an alert line, comes first.
  const recordHistory = async () => {
    const now = ctx.now();
    await alerts.settled();
    ctx.store.history.append(historyValues(currentSnapshot(ctx)), now);
  };

  const scheduler = createFeedScheduler({
    getSettings: () => {
      const settings = ctx.store.data.settings;
      return ctx.offline && !settings.offline ? { ...settings, offline: true } : settings;
    },
    // BTC is always priced: the dashboard shows the BTC hashprice.
    getAssets: () => [
      ...new Set([
        'BTC',
        ...pricesInUse(ctx.store.data.rigs, ctx.store.data.loans, ctx.store.data.positions),
      ]),
    ],
    getRigs: () => ctx.store.data.rigs,
    priceSources: ctx.priceSources,
    fundingSources: ctx.fundingSources,
    getFundingMarkets: () => fundingMarketsInUse(ctx.store.data.positions, ctx.store.data.rigs),
    onFunding(quotes: FundingQuote[]) {
      enqueue('the funding rates', async () => {
        await ctx.store.updateSoon((db) => {
          db.lastFunding = mergeFundingQuotes(db.lastFunding, quotes);
        });
        await ctx.changed();
      });
    },
    feedTimeoutMs: options.feedTimeoutMs,
    now: ctx.now,
    initialPrices: ctx.store.data.lastPrices,
    log: ctx.log,
    onPrices(prices: Record<string, StoredPrice>) {
      enqueue('the new prices', async () => {
        await ctx.store.updateSoon((db) => {
          db.lastPrices = { ...db.lastPrices, ...prices };
        });
        await ctx.changed();
        await recordHistory();
      });
    },
    onNetwork(coin: string, network: StoredNetwork) {
      enqueue(`the ${coin} chain figures`, async () => {
        await ctx.store.updateSoon((db) => {
          db.lastNetwork[coin] = network;
        });
        await ctx.changed();
      });
    },
    onRigLive(live: Record<string, RigLive>) {
      enqueue('the rig readings', async () => {
        for (const [rigId, reading] of Object.entries(live)) ctx.rigLive.set(rigId, reading);
        alerts.recordRigLive(live);
        await ctx.changed();
        await recordHistory();
      });
    },
  });
  scheduler.start();
  return { scheduler, settled: () => pending };
}
