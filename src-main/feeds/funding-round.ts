import { type FundingQuote, fundingQuoteKey } from '#api/funding';
import type { Settings } from '#api/records';
import type { FeedStatus } from '#api/methods';
import type { FundingMarket } from '#core/funding';
import { type FeedContext, type FeedFailure, isFailure } from './http-client';
import {
  type PenaltyBook,
  feedStatusRows,
  isSkipped,
  recordFailure,
  recordSuccess,
} from './penalties';
import type { FeedError } from './price-round';
import { type FundingSource } from './funding-sources';
import { sourceSettingsFor } from './sources/price-source';

// One funding round (docs/formulas-positions.md "Funding"): each perpetual market in use is
// asked of its exchange's feed, one request per market. A feed counts as working when any
// of its markets answered; only when all of them failed is it penalised like a price
// source (five failures in a row: left alone for 30 min, a refresh asks it anyway).

export interface FundingRoundResult {
  quotes: FundingQuote[];
  errors: FeedError[];
}

/** At most this many markets are asked per round: a farm trades a handful of perpetuals. */
export const MAX_FUNDING_MARKETS = 50;

export function createFundingRounds(options: {
  sources: readonly FundingSource[];
  now(): Date;
  context(): FeedContext;
  log(line: string): void;
}) {
  let penalties: PenaltyBook = {};

  async function ask(source: FundingSource, markets: FundingMarket[], settings: Settings) {
    const sourceSettings = sourceSettingsFor(source, settings.sources);
    const replies = await Promise.all(
      markets.map((market) => source.fetchQuote(market, sourceSettings, options.context())),
    );
    const quotes = replies.filter((r): r is FundingQuote => !isFailure(r));
    const failures = replies.filter((r): r is FeedFailure => isFailure(r));
    return { quotes, failures };
  }

  return {
    async run(
      settings: Settings,
      wanted: readonly FundingMarket[],
      force: boolean,
    ): Promise<FundingRoundResult> {
      const unique = new Map<string, FundingMarket>();
      for (const market of wanted)
        unique.set(fundingQuoteKey(market.source, market.symbol), market);
      const markets = [...unique.values()].slice(0, MAX_FUNDING_MARKETS);
      const now = options.now();
      const asked = options.sources.flatMap((source) => {
        const mine = markets.filter((m) => m.source === source.name);
        if (mine.length === 0 || !sourceSettingsFor(source, settings.sources).enabled) return [];
        if (!force && isSkipped(penalties, source.name, now)) return [];
        return [ask(source, mine, settings).then((result) => ({ source, ...result }))];
      });
      const quotes: FundingQuote[] = [];
      const errors: FeedError[] = [];
      for (const { source, quotes: got, failures } of await Promise.all(asked)) {
        quotes.push(...got);
        for (const f of failures) {
          errors.push({ source: source.name, message: f.message });
          options.log(`Feed ${source.name} failed (${f.kind}): ${f.message}`);
        }
        const [first] = failures;
        penalties =
          got.length > 0 || first === undefined
            ? recordSuccess(penalties, source.name, options.now())
            : recordFailure(penalties, source.name, first, options.now());
      }
      return { quotes, errors };
    },

    status(settings: Settings): FeedStatus[] {
      return feedStatusRows(
        penalties,
        options.sources.map((source) => ({
          source: source.name,
          label: `${source.label} funding rates`,
          kind: 'funding' as const,
          enabled: sourceSettingsFor(source, settings.sources).enabled,
        })),
        options.now(),
      );
    },
  };
}
