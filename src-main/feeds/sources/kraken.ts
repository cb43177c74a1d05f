import { z } from 'zod';
import { failure } from '../http-client';
import { definePriceSource } from './price-source';

// Kraken public ticker: GET /0/public/Ticker?pair=XBTUSD,LTCUSD,…
// → { "error": [], "result": { "XXBTZUSD": { "c": ["67000.10000", "0.0015"], … } } }.
// Errors come back with HTTP 200 in the `error` array. Result keys are Kraken's own pair
// names (XXBTZUSD for XBTUSD), so each coin lists every name its pair may come back under.

export const kraken = definePriceSource({
  name: 'kraken',
  label: 'Kraken',
  baseUrl: 'https://api.kraken.com',
  symbols: {
    BTC: { request: 'XBTUSD', resultKeys: ['XXBTZUSD', 'XBTUSD'] },
    LTC: { request: 'LTCUSD', resultKeys: ['XLTCZUSD', 'LTCUSD'] },
    ETC: { request: 'ETCUSD', resultKeys: ['XETCZUSD', 'ETCUSD'] },
  },
  path: (wanted) => `/0/public/Ticker?pair=${wanted.map((w) => w.symbol.request).join(',')}`,
  replySchema: z.object({
    error: z.array(z.string()),
    result: z
      .record(z.string(), z.object({ c: z.array(z.union([z.string(), z.number()])).min(1) }))
      .optional(),
  }),
  read({ error, result = {} }, wanted) {
    if (error.length > 0) {
      const text = error.join('; ');
      const rateLimited = /rate limit|too many requests/i.test(text);
      return failure(
        rateLimited ? 'rate-limited' : 'bad-reply',
        `Kraken reported an error: ${text}.`,
      );
    }
    return wanted.flatMap(({ asset, symbol }) => {
      const key = symbol.resultKeys.find((k) => result[k] !== undefined);
      const ticker = key === undefined ? undefined : result[key];
      return ticker === undefined ? [] : [{ asset, raw: ticker.c[0] }];
    });
  },
});
