import { z } from 'zod';
import {
  type FeedContext,
  type QuoteReply,
  type SourceSettings,
  failure,
  getJson,
  isFailure,
  quotesFromValues,
  sourceUrl,
} from './reply';

// Binance spot ticker: GET /api/v3/ticker/price?symbols=["BTCUSDT",…]
// → [{ "symbol": "BTCUSDT", "price": "67000.12000000" }]. The price is a string.
// USDT is valued 1:1 with USD (docs/formulas.md "Units and conventions"). One unknown symbol fails the whole request
// (HTTP 400), so only pairs Binance lists are asked for.

export const LABEL = 'Binance';

const SYMBOLS: Readonly<Record<string, string>> = {
  BTC: 'BTCUSDT',
  LTC: 'LTCUSDT',
  ETC: 'ETCUSDT',
};

export const SUPPORTED_ASSETS: readonly string[] = Object.keys(SYMBOLS);

const replySchema = z.array(z.object({ symbol: z.string(), price: z.string() }));

export async function fetchQuotes(
  assets: readonly string[],
  settings: SourceSettings,
  ctx: FeedContext,
): Promise<QuoteReply> {
  const wanted = assets.flatMap((asset) => {
    const symbol = SYMBOLS[asset];
    return symbol === undefined ? [] : [{ asset, symbol }];
  });
  if (wanted.length === 0) return { quotes: [] };
  const symbols = JSON.stringify(wanted.map((w) => w.symbol));
  const url = sourceUrl(
    settings.baseUrl,
    `/api/v3/ticker/price?symbols=${encodeURIComponent(symbols)}`,
  );
  const reply = await getJson(LABEL, url, ctx);
  if (isFailure(reply)) return reply;
  const parsed = replySchema.safeParse(reply.json);
  if (!parsed.success) return failure('bad-reply', `${LABEL} sent a reply in an unexpected shape.`);
  const bySymbol = new Map(parsed.data.map((t) => [t.symbol, t.price]));
  const values = wanted.flatMap(({ asset, symbol }) => {
    const price = bySymbol.get(symbol);
    return price === undefined ? [] : [{ asset, raw: price }];
  });
  return quotesFromValues(LABEL, 'binance', values, ctx.now().toISOString());
}
