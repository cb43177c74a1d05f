import type { Settings, StoredNetwork, StoredPrice } from '#api/records';
import type { FeedStatus } from '#api/methods';
import { type AggregateState, aggregatePrices, seedAggregateState } from './aggregate';
import { CHAIN_LABEL, fetchChainStats } from './chain';
import { type FeedContext, type FeedFailure, isFailure } from './http-client';
import {
  type PenaltyBook,
  feedStatusRows,
  isSkipped,
  recordFailure,
  recordSuccess,
} from './penalties';
import { mempool } from './sources/mempool';
import { type PriceSource, type Quote, sourceSettingsFor } from './sources/price-source';

// One price round (docs/formulas.md "Prices"): every enabled price source that knows a coin in use is asked
// for its quotes, mempool.space for the Bitcoin chain statistics, then the quotes are
// aggregated into one price per coin. Failures are penalised per source; a scheduled round
// leaves a penalised source alone, a refresh asks it anyway.

/** Name of the chain-stats feed in `feeds.status` (it shares mempool.space's settings). */
export const CHAIN_FEED = 'mempool-chain';

export interface FeedError {
  source: string;
  message: string;
}

export interface FeedRound {
  prices: Record<string, StoredPrice>;
  errors: FeedError[];
}

export interface PriceRoundOptions {
  sources: readonly PriceSource[];
  getAssets(): string[];
  now(): Date;
  context(): FeedContext;
  initialPrices: Record<string, StoredPrice>;
  onNetwork(coin: string, network: StoredNetwork): void;
  log(line: string): void;
}

export function createPriceRounds(options: PriceRoundOptions) {
  let penalties: PenaltyBook = {};
  let aggregate: AggregateState = seedAggregateState(options.initialPrices);

  function noteFailure(source: string, failure: FeedFailure, errors: FeedError[]): void {
    penalties = recordFailure(penalties, source, failure, options.now());
    errors.push({ source, message: failure.message });
    options.log(`Feed ${source} failed (${failure.kind}): ${failure.message}`);
  }

  function noteSuccess(source: string): void {
    penalties = recordSuccess(penalties, source, options.now());
  }

  async function fetchQuotes(settings: Settings, force: boolean, errors: FeedError[]) {
    const assets = options.getAssets();
    const now = options.now();
    const asked = options.sources.flatMap((source) => {
      const sourceSettings = sourceSettingsFor(source, settings.sources);
      const wanted = assets.filter((asset) => source.supportedAssets.includes(asset));
      if (!sourceSettings.enabled || wanted.length === 0) return [];
      if (!force && isSkipped(penalties, source.name, now)) return [];
      return [
        source
          .fetchQuotes(wanted, sourceSettings, options.context())
          .then((reply) => ({ name: source.name, reply })),
      ];
    });
    const quotes: Quote[] = [];
    for (const { name, reply } of await Promise.all(asked)) {
      if (isFailure(reply)) {
        noteFailure(name, reply, errors);
      } else {
        noteSuccess(name);
        quotes.push(...reply.quotes);
      }
    }
    return quotes;
  }

  async function pollChain(settings: Settings, force: boolean, errors: FeedError[]) {
    const chainSettings = sourceSettingsFor(mempool, settings.sources);
    if (!chainSettings.enabled || !options.getAssets().includes('BTC')) return;
    if (!force && isSkipped(penalties, CHAIN_FEED, options.now())) return;
    const stats = await fetchChainStats(chainSettings, options.context());
    if (isFailure(stats)) {
      noteFailure(CHAIN_FEED, stats, errors);
      return;
    }
    noteSuccess(CHAIN_FEED);
    for (const warning of stats.warnings) options.log(`Feed ${CHAIN_FEED}: ${warning}`);
    options.onNetwork('BTC', stats.network);
  }

  return {
    /** Asks the sources, aggregates their quotes and returns the round's prices and errors. */
    async run(settings: Settings, force: boolean): Promise<FeedRound> {
      const errors: FeedError[] = [];
      const [quotes] = await Promise.all([
        fetchQuotes(settings, force, errors),
        pollChain(settings, force, errors),
      ]);
      const result = aggregatePrices(aggregate, quotes, options.now(), {
        freshForSec: settings.staleAfterSec,
      });
      aggregate = result.state;
      for (const note of result.notes) options.log(`Prices: ${note}`);
      return { prices: result.prices, errors };
    },

    /** One row per price source in registry order, then the chain feed. */
    status(settings: Settings): FeedStatus[] {
      const chainSettings = sourceSettingsFor(mempool, settings.sources);
      return feedStatusRows(
        penalties,
        [
          ...options.sources.map((source) => ({
            source: source.name,
            label: source.label,
            kind: 'price' as const,
            enabled: sourceSettingsFor(source, settings.sources).enabled,
          })),
          {
            source: CHAIN_FEED,
            label: CHAIN_LABEL,
            kind: 'chain' as const,
            enabled: chainSettings.enabled,
          },
        ],
        options.now(),
      );
    },
  };
}
