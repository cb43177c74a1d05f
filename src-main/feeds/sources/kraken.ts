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

// Kraken public ticker: GET /0/public/Ticker?pair=XBTUSD,LTCUSD,…
// → { "error": [], "result": { "XXBTZUSD": { "c": ["67000.10000", "0.0015"], … } } }.
// Errors come back with HTTP 200 in the `error` array. Result keys are Kraken's own pair
// names (XXBTZUSD for XBTUSD), so each asset lists every name its pair may come back under.

export const LABEL = 'Kraken';

const PAIRS: Readonly<Record<string, { request: string; resultKeys: readonly string[] }>> = {
  BTC: { request: 'XBTUSD', resultKeys: ['XXBTZUSD', 'XBTUSD'] },
  LTC: { request: 'LTCUSD', resultKeys: ['XLTCZUSD', 'LTCUSD'] },
  ETC: { request: 'ETCUSD', resultKeys: ['XETCZUSD', 'ETCUSD'] },
};

export const SUPPORTED_ASSETS: readonly string[] = Object.keys(PAIRS);

const replySchema = z.object({
  error: z.array(z.string()),
  result: z
    .record(z.string(), z.object({ c: z.array(z.union([z.string(), z.number()])).min(1) }))
    .optional(),
});

export async function fetchQuotes(
  assets: readonly string[],
  settings: SourceSettings,
  ctx: FeedContext,
): Promise<QuoteReply> {
  const wanted = assets.flatMap((asset) => {
    const pair = PAIRS[asset];
    return pair === undefined ? [] : [{ asset, pair }];
  });
  if (wanted.length === 0) return { quotes: [] };
  const pairs = wanted.map((w) => w.pair.request).join(',');
  const reply = await getJson(
    LABEL,
    sourceUrl(settings.baseUrl, `/0/public/Ticker?pair=${pairs}`),
    ctx,
  );
  if (isFailure(reply)) return reply;
  const parsed = replySchema.safeParse(reply.json);
  if (!parsed.success) return failure('bad-reply', `${LABEL} sent a reply in an unexpected shape.`);
  const { error, result = {} } = parsed.data;
  if (error.length > 0) {
    const text = error.join('; ');
    const rateLimited = /rate limit|too many requests/i.test(text);
    return failure(
      rateLimited ? 'rate-limited' : 'bad-reply',
      `${LABEL} reported an error: ${text}.`,
    );
  }
  const values = wanted.flatMap(({ asset, pair }) => {
    const key = pair.resultKeys.find((k) => result[k] !== undefined);
    const ticker = key === undefined ? undefined : result[key];
    return ticker === undefined ? [] : [{ asset, raw: ticker.c[0] }];
  });
  return quotesFromValues(LABEL, 'kraken', values, ctx.now().toISOString());
}
