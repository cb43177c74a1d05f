import {
  PRICE_SOURCES,
  type Rig,
  type Settings,
  type StoredNetwork,
  type StoredPrice,
} from '#api/records';
import type { FeedStatus } from '#api/methods';
import type { RigLive } from '#api/snapshot';
import { type AggregateState, aggregatePrices, seedAggregateState } from './aggregate';
import { fetchChainStats } from './chain';
import { pollRigs } from './cgminer';
import {
  type PenaltyBook,
  feedStatusRows,
  isSkipped,
  recordFailure,
  recordSuccess,
} from './penalties';
import { PRICE_SOURCE_ADAPTERS } from './sources/registry';
import { type FeedContext, type FeedFailure, type Quote, isFailure } from './sources/reply';

// Runs the feeds on their intervals (docs/formulas.md "Prices"): prices + chain stats every pollIntervalSec,
// rigs every rigPollIntervalSec. Polls never overlap (a caller during a poll joins it), a round
// where every source fails backs off, and offline mode makes no request of any kind.

/** Name of the chain-stats feed in `feeds.status` (it shares mempool.space's settings). */
export const CHAIN_FEED = 'mempool-chain';
/** A failing round is retried no later than this, however long the backoff has grown. */
const MAX_BACKOFF_MS = 15 * 60 * 1000;

/** Schedules a callback; returns its cancel function. */
export type ScheduleTimer = (callback: () => void, delayMs: number) => () => void;

export interface FeedSchedulerOptions {
  getSettings(): Settings;
  getAssets(): string[];
  getRigs(): Rig[];
  now(): Date;
  initialPrices: Record<string, StoredPrice>;
  /** The aggregated round: one entry per asset that had fresh quotes. */
  onPrices(prices: Record<string, StoredPrice>): void;
  onNetwork(coin: string, network: StoredNetwork): void;
  onRigLive(live: Record<string, RigLive>): void;
  log(line: string): void;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Defaults to setTimeout with unref (so vi.useFakeTimers controls it). */
  schedule?: ScheduleTimer;
  feedTimeoutMs?: number;
  rigTimeoutMs?: number;
  rigConcurrency?: number;
}

export interface FeedError {
  source: string;
  message: string;
}

export interface FeedRound {
  prices: Record<string, StoredPrice>;
  errors: FeedError[];
}

export interface FeedScheduler {
  start(): void;
  stop(): Promise<void>;
  /** Polls every enabled source now, penalised ones included. */
  refresh(): Promise<FeedRound>;
  /** One scheduled-style round now: penalised sources stay skipped. */
  pollFeedsNow(): Promise<FeedRound>;
  pollRigsNow(): Promise<void>;
  status(): FeedStatus[];
}

export const OFFLINE_MESSAGE = 'Offline mode is on: no source was asked for prices.';

const scheduleWithUnref: ScheduleTimer = (callback, delayMs) => {
  const timer = setTimeout(callback, delayMs);
  if (typeof timer === 'object') timer.unref();
  return () => clearTimeout(timer);
};

export function createFeedScheduler(options: FeedSchedulerOptions): FeedScheduler {
  const schedule = options.schedule ?? scheduleWithUnref;
  let penalties: PenaltyBook = {};
  let aggregate: AggregateState = seedAggregateState(options.initialPrices);
  let feedPoll: Promise<FeedRound> | null = null;
  let rigPoll: Promise<void> | null = null;
  let cancelFeedTimer: (() => void) | null = null;
  let cancelRigTimer: (() => void) | null = null;
  let running = false;
  let failedRounds = 0;

  const context = (): FeedContext => ({
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now,
    timeoutMs: options.feedTimeoutMs,
  });

  function noteFailure(source: string, failure: FeedFailure, errors: FeedError[]): void {
    penalties = recordFailure(penalties, source, failure, options.now());
    errors.push({ source, message: failure.message });
    options.log(`Feed ${source} failed (${failure.kind}): ${failure.message}`);
  }

  async function fetchAllQuotes(
    settings: Settings,
    force: boolean,
    errors: FeedError[],
  ): Promise<Quote[]> {
    const assets = options.getAssets();
    const now = options.now();
    const replies = await Promise.all(
      PRICE_SOURCES.flatMap((name) => {
        const sourceSettings = settings.sources[name];
        const adapter = PRICE_SOURCE_ADAPTERS[name];
        const wanted = assets.filter((asset) => adapter.supportedAssets.includes(asset));
        if (!sourceSettings.enabled || wanted.length === 0) return [];
        if (!force && isSkipped(penalties, name, now)) return [];
        return [
          adapter.fetchQuotes(wanted, sourceSettings, context()).then((reply) => ({ name, reply })),
        ];
      }),
    );
    const quotes: Quote[] = [];
    for (const { name, reply } of replies) {
      if (isFailure(reply)) {
        noteFailure(name, reply, errors);
      } else {
        penalties = recordSuccess(penalties, name, options.now());
        quotes.push(...reply.quotes);
      }
    }
    return quotes;
  }

  async function pollChain(settings: Settings, force: boolean, errors: FeedError[]): Promise<void> {
    const mempool = settings.sources.mempool;
    if (!mempool.enabled || !options.getAssets().includes('BTC')) return;
    if (!force && isSkipped(penalties, CHAIN_FEED, options.now())) return;
    const stats = await fetchChainStats(mempool, context());
    if (isFailure(stats)) {
      noteFailure(CHAIN_FEED, stats, errors);
      return;
    }
    penalties = recordSuccess(penalties, CHAIN_FEED, options.now());
    for (const warning of stats.warnings) options.log(`Feed ${CHAIN_FEED}: ${warning}`);
    options.onNetwork('BTC', stats.network);
  }

  async function runFeedRound(force: boolean): Promise<FeedRound> {
    const settings = options.getSettings();
    if (settings.offline)
      return { prices: {}, errors: [{ source: 'all', message: OFFLINE_MESSAGE }] };
    const errors: FeedError[] = [];
    const [quotes] = await Promise.all([
      fetchAllQuotes(settings, force, errors),
      pollChain(settings, force, errors),
    ]);
    const result = aggregatePrices(aggregate, quotes, options.now(), {
      freshForSec: settings.staleAfterSec,
    });
    aggregate = result.state;
    for (const note of result.notes) options.log(`Prices: ${note}`);
    if (Object.keys(result.prices).length > 0) options.onPrices(result.prices);
    return { prices: result.prices, errors };
  }

  function feedRound(force: boolean): Promise<FeedRound> {
    if (feedPoll !== null) return feedPoll;
    feedPoll = runFeedRound(force)
      .catch((error: unknown) => {
        const message = `The price round stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
        options.log(message);
        return { prices: {}, errors: [{ source: 'all', message }] };
      })
      .finally(() => {
        feedPoll = null;
      });
    return feedPoll;
  }

  async function runRigRound(): Promise<void> {
    if (options.getSettings().offline) return;
    const live = await pollRigs(options.getRigs(), {
      concurrency: options.rigConcurrency ?? 16,
      timeoutMs: options.rigTimeoutMs,
      now: options.now,
      log: options.log,
    });
    options.onRigLive(live);
  }

  function rigRound(): Promise<void> {
    if (rigPoll !== null) return rigPoll;
    rigPoll = runRigRound()
      .catch((error: unknown) => {
        options.log(
          `The rig poll stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        rigPoll = null;
      });
    return rigPoll;
  }

  function feedDelayMs(): number {
    const base = options.getSettings().pollIntervalSec * 1000;
    return Math.min(base * 2 ** failedRounds, Math.max(base, MAX_BACKOFF_MS));
  }

  function scheduleFeeds(delayMs: number): void {
    cancelFeedTimer = schedule(() => {
      cancelFeedTimer = null;
      void feedRound(false).then((round) => {
        const offline = options.getSettings().offline;
        const failed =
          !offline && round.errors.length > 0 && Object.keys(round.prices).length === 0;
        failedRounds = failed ? Math.min(failedRounds + 1, 20) : 0;
        if (failed)
          options.log(
            `Every price source failed; next try in ${Math.round(feedDelayMs() / 1000)} s.`,
          );
        if (running) scheduleFeeds(feedDelayMs());
      });
    }, delayMs);
  }

  function scheduleRigs(delayMs: number): void {
    cancelRigTimer = schedule(() => {
      cancelRigTimer = null;
      void rigRound().then(() => {
        if (running) scheduleRigs(options.getSettings().rigPollIntervalSec * 1000);
      });
    }, delayMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      scheduleFeeds(0);
      scheduleRigs(0);
    },
    async stop() {
      running = false;
      cancelFeedTimer?.();
      cancelRigTimer?.();
      cancelFeedTimer = null;
      cancelRigTimer = null;
      await Promise.allSettled([feedPoll, rigPoll]);
    },
    refresh: () => feedRound(true),
    pollFeedsNow: () => feedRound(false),
    pollRigsNow: () => rigRound(),
    status() {
      const { sources } = options.getSettings();
      return feedStatusRows(
        penalties,
        [
          ...PRICE_SOURCES.map((source) => ({ source, enabled: sources[source].enabled })),
          { source: CHAIN_FEED, enabled: sources.mempool.enabled },
        ],
        options.now(),
      );
    },
  };
}
