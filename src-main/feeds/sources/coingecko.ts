import { z } from 'zod';
import { definePriceSource } from './price-source';

// CoinGecko simple price: GET /api/v3/simple/price?ids=bitcoin,…&vs_currencies=usd
// → { "bitcoin": { "usd": 67000.12 }, … }. Coins it does not know are simply absent.

export const coingecko = definePriceSource({
  name: 'coingecko',
  label: 'CoinGecko',
  baseUrl: 'https://api.coingecko.com',
  symbols: { BTC: 'bitcoin', LTC: 'litecoin', KAS: 'kaspa', ETC: 'ethereum-classic' },
  path: (wanted) =>
    `/api/v3/simple/price?ids=${encodeURIComponent(wanted.map((w) => w.symbol).join(','))}&vs_currencies=usd`,
  headers: (settings): Record<string, string> =>
    settings.apiKey ? { 'x-cg-demo-api-key': settings.apiKey } : {},
  replySchema: z.record(
    z.string(),
    z.object({ usd: z.union([z.number(), z.string()]).optional() }),
  ),
  read: (reply, wanted) =>
    wanted.flatMap(({ asset, symbol }) => {
      const usd = reply[symbol]?.usd;
      return usd === undefined ? [] : [{ asset, raw: usd }];
    }),
});
