import { z } from 'zod';
import { definePriceSource } from './price-source';

// mempool.space prices: GET /api/v1/prices → { "time": 1700000000, "USD": 67000, "EUR": … }.
// Bitcoin only. Its base URL also serves the chain statistics (chain.ts).

export const mempool = definePriceSource({
  name: 'mempool',
  label: 'mempool.space',
  baseUrl: 'https://mempool.space',
  symbols: { BTC: 'USD' },
  path: () => '/api/v1/prices',
  replySchema: z.object({ USD: z.union([z.number(), z.string()]) }),
  read: (reply) => [{ asset: 'BTC', raw: reply.USD }],
});
