// The exchanges whose public funding rates RigLedger reads, by their settings name
// (settings.sources), with the name the operator knows each by.

export const FUNDING_FEED_NAMES = ['binance-usdm', 'binance-coinm', 'bybit', 'okx'] as const;
export type FundingFeedName = (typeof FUNDING_FEED_NAMES)[number];

export const FUNDING_FEED_LABELS: Readonly<Record<FundingFeedName, string>> = {
  'binance-usdm': 'Binance USDⓈ-M',
  'binance-coinm': 'Binance COIN-M',
  bybit: 'Bybit',
  okx: 'OKX',
};

/** Key of a stored funding quote: "binance-usdm:BTCUSDT". */
export function fundingQuoteKey(source: FundingFeedName, symbol: string): string {
  return `${source}:${symbol}`;
}
