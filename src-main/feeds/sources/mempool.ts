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

// mempool.space prices: GET /api/v1/prices → { "time": 1700000000, "USD": 67000, "EUR": … }.
// Bitcoin only.

export const LABEL = 'mempool.space';

export const SUPPORTED_ASSETS: readonly string[] = ['BTC'];

const replySchema = z.object({ USD: z.union([z.number(), z.string()]) });

export async function fetchQuotes(
  assets: readonly string[],
  settings: SourceSettings,
  ctx: FeedContext,
): Promise<QuoteReply> {
  if (!assets.includes('BTC')) return { quotes: [] };
  const reply = await getJson(LABEL, sourceUrl(settings.baseUrl, '/api/v1/prices'), ctx);
  if (isFailure(reply)) return reply;
  const parsed = replySchema.safeParse(reply.json);
  if (!parsed.success) return failure('bad-reply', `${LABEL} sent prices without a USD figure.`);
  return quotesFromValues(
    LABEL,
    'mempool',
    [{ asset: 'BTC', raw: parsed.data.USD }],
    ctx.now().toISOString(),
  );
}
