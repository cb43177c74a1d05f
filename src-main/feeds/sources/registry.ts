import { binance } from './binance';
import { coingecko } from './coingecko';
import { kraken } from './kraken';
import { mempool } from './mempool';
import type { PriceSource } from './price-source';

// Every price source, in the order they are polled and listed. A new source is one file
// made with definePriceSource and one entry here; settings and the Settings page follow.

export const PRICE_SOURCES: readonly PriceSource[] = [coingecko, binance, kraken, mempool];
