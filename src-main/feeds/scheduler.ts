import type { FundingQuote } from '#api/funding';
import type { Rig, Settings, StoredNetwork, StoredPrice } from '#api/records';
import type { FundingMarket } from '#core/funding';
import type { FeedStatus } from '#api/methods';
import type { RigLive } from '#api/snapshot';
import { pollRigs } from './cgminer';
import { createFundingRounds } from './funding-round';
import { FUNDING_SOURCES, type FundingSource } from './funding-sources';
import { type FeedContext } from './http-client';
import { CHAIN_FEED, type FeedError, type FeedRound, createPriceRounds } from './price-round';
import type { PriceSource } from './sources/price-source';
import { PRICE_SOURCES } from './sources/registry';
import { type ScheduleTimer, joinRunning, repeatAfterEachRun, scheduleWithUnref } from './timers';
import { describeError } from '#shared/describe-error';

// Runs the feeds on their intervals (docs/formulas.md "Prices"): prices + chain stats every pollIntervalSec,
// rigs every rigPollIntervalSec. Polls never overlap (a caller during a poll joins it), a round
// where every source fails backs off, and offline mode makes no request of any kind.
// What one price round does is in price-round.ts; the timers in timers.ts.

export { CHAIN_FEED, type FeedError, type FeedRound, type ScheduleTimer };

/** A failing round is retried no later than this, however long the backoff has grown. */
const MAX_BACKOFF_MS = 15 * 60 * 1000;

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
  /** The perpetual markets whose funding rates each price round also asks for. */
  getFundingMarkets?(): FundingMarket[];
  /** The funding quotes a round received (none: not called). */
  onFunding?(quotes: FundingQuote[]): void;
  /** The funding feeds; defaults to Binance USDⓈ-M and COIN-M, Bybit and OKX. */
  fundingSources?: readonly FundingSource[];
  /** The price sources to poll; defaults to the registry. */
  priceSources?: readonly PriceSource[];
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Defaults to setTimeout with unref (so vi.useFakeTimers controls it). */
  schedule?: ScheduleTimer;
  feedTimeoutMs?: number;
  rigTimeoutMs?: number;
  rigConcurrency?: number;
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

export const OFFLINE_MESSAGE =
  'Offline mode is on: no source was asked for prices or funding rates.';

function describe(error: unknown): string {
  return describeError(error);
}

/** A round with no price and at least one error: every source failed. */
function everySourceFailed(round: FeedRound): boolean {
  return round.errors.length > 0 && Object.keys(round.prices).length === 0;
}

export function createFeedScheduler(options: FeedSchedulerOptions): FeedScheduler {
  const schedule = options.schedule ?? scheduleWithUnref;
  const context = (): FeedContext => ({
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now,
    timeoutMs: options.feedTimeoutMs,
  });
  const rounds = createPriceRounds({
    sources: options.priceSources ?? PRICE_SOURCES,
    getAssets: options.getAssets,
    now: options.now,
    context,
    initialPrices: options.initialPrices,
    onNetwork: options.onNetwork,
    log: options.log,
  });

  const fundingRounds = createFundingRounds({
    sources: options.fundingSources ?? FUNDING_SOURCES,
    now: options.now,
    context,
    log: options.log,
  });

  const feedRound = joinRunning(
    async (force: boolean): Promise<FeedRound> => {
      const settings = options.getSettings();
      if (settings.offline)
        return { prices: {}, errors: [{ source: 'all', message: OFFLINE_MESSAGE }] };
      const [round, funding] = await Promise.all([
        rounds.run(settings, force),
        fundingRounds.run(settings, options.getFundingMarkets?.() ?? [], force),
      ]);
      if (Object.keys(round.prices).length > 0) options.onPrices(round.prices);
      if (funding.quotes.length > 0) options.onFunding?.(funding.quotes);
      return { prices: round.prices, errors: [...round.errors, ...funding.errors] };
    },
    (error): FeedRound => {
      const message = `The price round stopped unexpectedly: ${describe(error)}`;
      options.log(message);
      return { prices: {}, errors: [{ source: 'all', message }] };
    },
  );

  const rigRound = joinRunning(
    async (): Promise<void> => {
      if (options.getSettings().offline) return;
      const live = await pollRigs(options.getRigs(), {
        concurrency: options.rigConcurrency ?? 16,
        timeoutMs: options.rigTimeoutMs,
        now: options.now,
        log: options.log,
      });
      options.onRigLive(live);
    },
    (error) => options.log(`The rig poll stopped unexpectedly: ${describe(error)}`),
  );

  // Backoff: each round where every source failed doubles the wait, up to MAX_BACKOFF_MS.
  let failedRounds = 0;
  const feedDelayMs = () => {
    const base = options.getSettings().pollIntervalSec * 1000;
    return Math.min(base * 2 ** failedRounds, Math.max(base, MAX_BACKOFF_MS));
  };
  const feedLoop = repeatAfterEachRun(
    schedule,
    async () => {
      const round = await feedRound(false);
      const failed = !options.getSettings().offline && everySourceFailed(round);
      failedRounds = failed ? Math.min(failedRounds + 1, 20) : 0;
      if (failed)
        options.log(
          `Every price source failed; next try in ${Math.round(feedDelayMs() / 1000)} s.`,
        );
    },
    feedDelayMs,
  );
  const rigLoop = repeatAfterEachRun(
    schedule,
    () => rigRound(),
    () => options.getSettings().rigPollIntervalSec * 1000,
  );

  return {
    start() {
      feedLoop.start(0);
      rigLoop.start(0);
    },
    async stop() {
      feedLoop.stop();
      rigLoop.stop();
      await Promise.allSettled([feedRound.current(), rigRound.current()]);
    },
    refresh: () => feedRound(true),
    pollFeedsNow: () => feedRound(false),
    pollRigsNow: () => rigRound(),
    status: () => [
      ...rounds.status(options.getSettings()),
      ...fundingRounds.status(options.getSettings()),
    ],
  };
}
