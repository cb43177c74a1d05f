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

// CoinGecko simple price: GET /api/v3/simple/price?ids=bitcoin,…&vs_currencies=usd
// → { "bitcoin": { "usd": 67000.12 }, … }. Coins it does not know are simply absent.

export const LABEL = 'CoinGecko';

const COIN_IDS: Readonly<Record<string, string>> = {
  BTC: 'bitcoin',
  LTC: 'litecoin',
  KAS: 'kaspa',
  ETC: 'ethereum-classic',
};

export const SUPPORTED_ASSETS: readonly string[] = Object.keys(COIN_IDS);

const replySchema = z.record(
  z.string(),
  z.object({ usd: z.union([z.number(), z.string()]).optional() }),
);

export async function fetchQuotes(
  assets: readonly string[],
  settings: SourceSettings,
  ctx: FeedContext,
): Promise<QuoteReply> {
  const wanted = assets.flatMap((asset) => {
    const id = COIN_IDS[asset];
    return id === undefined ? [] : [{ asset, id }];
  });
  if (wanted.length === 0) return { quotes: [] };
  const ids = wanted.map((w) => w.id).join(',');
  const url = sourceUrl(
    settings.baseUrl,
    `/api/v3/simple/price?ids=${encodeURIComponent(ids)}&vs_currencies=usd`,
  );
  const headers: Record<string, string> = settings.apiKey
    ? { 'x-cg-demo-api-key': settings.apiKey }
    : {};
  const reply = await getJson(LABEL, url, ctx, headers);
  if (isFailure(reply)) return reply;
  const parsed = replySchema.safeParse(reply.json);
  if (!parsed.success) return failure('bad-reply', `${LABEL} sent a reply in an unexpected shape.`);
  const values = wanted.flatMap(({ asset, id }) => {
    const entry = parsed.data[id];
    return entry?.usd === undefined ? [] : [{ asset, raw: entry.usd }];
  });
  return quotesFromValues(LABEL, 'coingecko', values, ctx.now().toISOString());
}
