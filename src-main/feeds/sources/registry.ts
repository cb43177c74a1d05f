import type { PriceSourceName } from '#api/records';
import * as binance from './binance';
import * as coingecko from './coingecko';
import * as kraken from './kraken';
import * as mempool from './mempool';
import type { FeedContext, QuoteReply, SourceSettings } from './reply';

// The four price sources by their settings name.

export interface PriceSource {
  /** How the operator knows the source: "Binance", "mempool.space". */
  label: string;
  supportedAssets: readonly string[];
  fetchQuotes(
    assets: readonly string[],
    settings: SourceSettings,
    ctx: FeedContext,
  ): Promise<QuoteReply>;
}

export const PRICE_SOURCE_ADAPTERS: Readonly<Record<PriceSourceName, PriceSource>> = {
  coingecko: {
    label: coingecko.LABEL,
    supportedAssets: coingecko.SUPPORTED_ASSETS,
    fetchQuotes: coingecko.fetchQuotes,
  },
  binance: {
    label: binance.LABEL,
    supportedAssets: binance.SUPPORTED_ASSETS,
    fetchQuotes: binance.fetchQuotes,
  },
  kraken: {
    label: kraken.LABEL,
    supportedAssets: kraken.SUPPORTED_ASSETS,
    fetchQuotes: kraken.fetchQuotes,
  },
  mempool: {
    label: mempool.LABEL,
    supportedAssets: mempool.SUPPORTED_ASSETS,
    fetchQuotes: mempool.fetchQuotes,
  },
};
