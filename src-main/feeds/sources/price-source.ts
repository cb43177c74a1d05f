import type { z } from 'zod';
import { type Dec } from '#shared/decimal';
import { priceSourceNameSchema, type SourceSettings } from '#api/settings';
import {
  type FeedContext,
  type FeedFailure,
  excerpt,
  failure,
  getJson,
  isFailure,
  sourceUrl,
} from '../http-client';
import { readPrice } from '../reply-values';

// A price source is data: its name, label, default address, the coins it knows under its own
// symbols, the path that asks for them, the shape of its reply and how to read a price out of
// it. definePriceSource turns that into the one request → check → parse → quote chain every
// source shares; the registry (registry.ts) lists them, and settings and the Settings page
// follow from the list.

export interface Quote {
  asset: string;
  usd: Dec;
  /** The source's settings name. */
  source: string;
  /** ISO time the quote was received. */
  at: string;
}

export type QuoteReply = { quotes: Quote[] } | FeedFailure;

/** A coin we want, under the source's own symbol for it. */
export interface WantedCoin<Symbol> {
  asset: string;
  symbol: Symbol;
}

/** A price as the reply wrote it, still unchecked. */
export interface RawPrice {
  asset: string;
  raw: unknown;
}

export interface PriceSourceDefinition<Symbol, Reply> {
  /** Its key in settings.sources; stored files use it, so it never changes. */
  name: string;
  /** How the operator knows it: "Binance", "mempool.space". */
  label: string;
  /** Where it is asked unless the operator sets another base URL. */
  baseUrl: string;
  /** Each coin it quotes, by our symbol, with its own name for it. */
  symbols: Readonly<Record<string, Symbol>>;
  /** Path and query that ask for the wanted coins. */
  path(wanted: readonly WantedCoin<Symbol>[]): string;
  /** Extra request headers (an API key). */
  headers?(settings: SourceSettings): Record<string, string>;
  replySchema: z.ZodType<Reply>;
  /** The raw price of each wanted coin the reply holds, or the error the reply reports. */
  read(reply: Reply, wanted: readonly WantedCoin<Symbol>[]): readonly RawPrice[] | FeedFailure;
}

export interface PriceSource {
  name: string;
  label: string;
  baseUrl: string;
  supportedAssets: readonly string[];
  fetchQuotes(
    assets: readonly string[],
    settings: SourceSettings,
    ctx: FeedContext,
  ): Promise<QuoteReply>;
}

/**
 * Turns per-asset raw price values into quotes. Any zero, negative or unreadable price fails the
 * whole reply: a source that prints 0 for one coin cannot be trusted for the others either.
 */
export function quotesFromValues(
  label: string,
  source: string,
  values: readonly RawPrice[],
  at: string,
): QuoteReply {
  const quotes: Quote[] = [];
  for (const { asset, raw } of values) {
    const usd = readPrice(raw);
    if (usd === null) {
      return failure(
        'bad-reply',
        `${label} gave an impossible ${asset} price (${excerpt(JSON.stringify(raw) ?? 'nothing')}).`,
      );
    }
    quotes.push({ asset, usd, source, at });
  }
  if (quotes.length === 0)
    return failure('bad-reply', `${label} sent no price for any coin we asked about.`);
  return { quotes };
}

export function definePriceSource<Symbol, Reply>(
  definition: PriceSourceDefinition<Symbol, Reply>,
): PriceSource {
  const { name, label } = definition;
  // A name settings would refuse is a programming error: fail when the module loads.
  priceSourceNameSchema.parse(name);
  return {
    name,
    label,
    baseUrl: definition.baseUrl,
    supportedAssets: Object.keys(definition.symbols),
    async fetchQuotes(assets, settings, ctx) {
      const wanted = assets.flatMap((asset) => {
        const symbol = definition.symbols[asset];
        return symbol === undefined ? [] : [{ asset, symbol }];
      });
      if (wanted.length === 0) return { quotes: [] };
      const url = sourceUrl(settings.baseUrl, definition.path(wanted));
      const reply = await getJson(label, url, ctx, definition.headers?.(settings) ?? {});
      if (isFailure(reply)) return reply;
      const parsed = definition.replySchema.safeParse(reply.json);
      if (!parsed.success)
        return failure('bad-reply', `${label} sent a reply in an unexpected shape.`);
      const values = definition.read(parsed.data, wanted);
      if ('kind' in values) return values;
      return quotesFromValues(label, name, values, ctx.now().toISOString());
    },
  };
}

/** A source's settings: the operator's, or enabled at its own base URL when never changed. */
export function sourceSettingsFor(
  source: Pick<PriceSource, 'name' | 'baseUrl'>,
  stored: Readonly<Record<string, SourceSettings>>,
): SourceSettings {
  const own = Object.hasOwn(stored, source.name) ? stored[source.name] : undefined;
  return own ?? { enabled: true, baseUrl: source.baseUrl };
}

/** Every registered source's settings, in registry order; names no source has are left out. */
export function priceSourceSettings(
  sources: readonly Pick<PriceSource, 'name' | 'baseUrl'>[],
  stored: Readonly<Record<string, SourceSettings>>,
): Record<string, SourceSettings> {
  return Object.fromEntries(
    sources.map((source) => [source.name, sourceSettingsFor(source, stored)]),
  );
}
