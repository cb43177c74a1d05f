import { z } from 'zod';
import { definePriceSource } from './price-source';

// Binance spot ticker: GET /api/v3/ticker/price?symbols=["BTCUSDT",…]
// → [{ "symbol": "BTCUSDT", "price": "67000.12000000" }]. The price is a string.
// USDT is valued 1:1 with USD (docs/formulas.md "Units and conventions"). One unknown symbol fails the whole request
// (HTTP 400), so only pairs Binance lists are asked for.

export const binance = definePriceSource({
  name: 'binance',
  label: 'Binance',
  baseUrl: 'https://api.binance.com',
  symbols: { BTC: 'BTCUSDT', LTC: 'LTCUSDT', ETC: 'ETCUSDT' },
  path: (wanted) =>
    `/api/v3/ticker/price?symbols=${encodeURIComponent(JSON.stringify(wanted.map((w) => w.symbol)))}`,
  replySchema: z.array(z.object({ symbol: z.string(), price: z.string() })),
  read(reply, wanted) {
    const bySymbol = new Map(reply.map((t) => [t.symbol, t.price]));
    return wanted.flatMap(({ asset, symbol }) => {
      const price = bySymbol.get(symbol);
      return price === undefined ? [] : [{ asset, raw: price }];
    });
  },
});
