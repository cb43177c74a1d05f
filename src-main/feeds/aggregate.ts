import { type Dec, dec, decStr, medianDec } from '#shared/decimal';
import type { StoredPrice } from '#api/records';
import type { Quote } from './sources/price-source';

// Price aggregation (docs/formulas.md "Aggregation"), pure: the clock and the previous state come in, the new state goes out.
// - median of fresh quotes;
// - with 3+ quotes, drop those more than 5 % from the median (if fewer than two then agree,
//   the sources disagree: treated like two quotes apart);
// - two quotes more than 5 % apart → keep the last agreed price, flagged disputed;
// - a move of more than 30 % from the last agreed price is held back until the next poll
//   also shows a move of more than 30 % the same way;
// - a price only one source quotes, more than 30 % from the last price two or more sources
//   agreed on, is marked singleSource: shown, but no liquidation or margin-call alert is
//   raised from it until a second source agrees or the operator sets a manual price.

export interface PendingJump {
  usd: string;
  source: string;
  seenAt: string;
}

export interface AggregateState {
  /** The last price each asset's sources agreed on. */
  agreed: Readonly<Record<string, StoredPrice>>;
  /** A jump seen on the last poll and waiting for confirmation. */
  pending: Readonly<Record<string, PendingJump>>;
  /** The last price (USD) two or more sources agreed on, per asset. */
  multiSource: Readonly<Record<string, string>>;
}

export interface AggregateOptions {
  /** Quotes older than this are ignored. */
  freshForSec: number;
  /** A quote further than this from the median is an outlier (percent). */
  outlierPct?: number;
  /** A move further than this from the last agreed price needs confirmation (percent). */
  jumpPct?: number;
}

export interface AggregateResult {
  state: AggregateState;
  /** Per asset that had fresh quotes this round: the price to store and show. */
  prices: Record<string, StoredPrice>;
  /** One sentence per held-back jump or dispute, for the log. */
  notes: string[];
}

export function seedAggregateState(
  lastPrices: Readonly<Record<string, StoredPrice>>,
): AggregateState {
  const agreed: Record<string, StoredPrice> = {};
  const multiSource: Record<string, string> = {};
  for (const [asset, price] of Object.entries(lastPrices)) {
    agreed[asset] = { ...price, disputed: false };
    // A one-source price carries the multi-source price it is measured from; any other
    // stored price was agreed by several sources (or predates the distinction).
    const reference = price.multiSourceUsd ?? (price.singleSource ? undefined : price.usd);
    if (reference !== undefined) multiSource[asset] = reference;
  }
  return { agreed, pending: {}, multiSource };
}

/** |a − b| / b as a percentage. */
function pctApart(a: Dec, b: Dec): Dec {
  return a.minus(b).abs().div(b).mul(100);
}

function latest(quotes: readonly Quote[]): string {
  return quotes.reduce(
    (max, q) => (Date.parse(q.at) > Date.parse(max) ? q.at : max),
    quotes[0]!.at,
  );
}

type Consensus =
  | { kind: 'agreed'; usd: Dec; source: string; at: string; sources: number }
  | { kind: 'disputed'; usd: Dec; detail: string };

function consensusOf(quotes: readonly Quote[], outlierPct: number): Consensus {
  const describe = (qs: readonly Quote[]) =>
    qs.map((q) => `${q.source} ${decStr(q.usd, 2)}`).join(', ');
  if (quotes.length === 1) {
    const only = quotes[0]!;
    return { kind: 'agreed', usd: only.usd, source: only.source, at: only.at, sources: 1 };
  }
  const median = medianDec(quotes.map((q) => q.usd));
  const kept =
    quotes.length >= 3 ? quotes.filter((q) => pctApart(q.usd, median).lte(outlierPct)) : quotes;
  const spreadOk = kept.length >= 2 && kept.every((q) => pctApart(q.usd, median).lte(outlierPct));
  const [low, high] = [kept[0]!.usd, kept[kept.length - 1]!.usd].sort((a, b) => a.comparedTo(b));
  const twoApart = kept.length === 2 && pctApart(high!, low!).gt(outlierPct);
  if (!spreadOk || twoApart) return { kind: 'disputed', usd: median, detail: describe(quotes) };
  return {
    kind: 'agreed',
    usd: medianDec(kept.map((q) => q.usd)),
    source: `median of ${kept.map((q) => q.source).join(', ')}`,
    at: latest(kept),
    sources: kept.length,
  };
}

export function aggregatePrices(
  state: AggregateState,
  quotes: readonly Quote[],
  now: Date,
  options: AggregateOptions,
): AggregateResult {
  const outlierPct = options.outlierPct ?? 5;
  const jumpPct = options.jumpPct ?? 30;
  const freshAfter = now.getTime() - options.freshForSec * 1000;
  const fresh = quotes.filter((q) => Date.parse(q.at) >= freshAfter);
  const byAsset = new Map<string, Quote[]>();
  for (const q of fresh) byAsset.set(q.asset, [...(byAsset.get(q.asset) ?? []), q]);

  const agreed: Record<string, StoredPrice> = { ...state.agreed };
  const multiSource: Record<string, string> = { ...state.multiSource };
  const pending: Record<string, PendingJump> = {};
  const prices: Record<string, StoredPrice> = {};
  const notes: string[] = [];

  for (const [asset, assetQuotes] of byAsset) {
    const last = state.agreed[asset];
    const consensus = consensusOf(assetQuotes, outlierPct);
    if (consensus.kind === 'disputed') {
      notes.push(`${asset} sources disagree by more than ${outlierPct} % (${consensus.detail}).`);
      prices[asset] = last
        ? { ...last, disputed: true }
        : { usd: decStr(consensus.usd), source: 'disputed', at: now.toISOString(), disputed: true };
      continue;
    }
    const candidate: StoredPrice = {
      usd: decStr(consensus.usd),
      source: consensus.source,
      at: consensus.at,
      disputed: false,
      ...loneSourceFlags(consensus.usd, consensus.sources, state.multiSource[asset], jumpPct),
    };
    if (last !== undefined) {
      const lastUsd = dec(last.usd);
      const move = consensus.usd.minus(lastUsd);
      if (pctApart(consensus.usd, lastUsd).gt(jumpPct)) {
        const before = state.pending[asset];
        const confirms =
          before !== undefined && dec(before.usd).minus(lastUsd).isNeg() === move.isNeg();
        if (!confirms) {
          pending[asset] = {
            usd: candidate.usd,
            source: candidate.source,
            seenAt: now.toISOString(),
          };
          notes.push(
            `${asset} moved more than ${jumpPct} % (${last.usd} → ${candidate.usd}); waiting for the next poll to confirm.`,
          );
          prices[asset] = last;
          continue;
        }
      }
    }
    if (candidate.singleSource) {
      notes.push(
        `Only ${consensus.source} quotes ${asset} (${candidate.usd}), more than ${jumpPct} % from the last multi-source price ${candidate.multiSourceUsd}; liquidation and margin-call alerts wait for a second source.`,
      );
    }
    if (consensus.sources >= 2) multiSource[asset] = candidate.usd;
    agreed[asset] = candidate;
    prices[asset] = candidate;
  }
  return { state: { agreed, pending, multiSource }, prices, notes };
}

/**
 * The single-source rule (docs/formulas.md "Aggregation", step 5).
 * A price one source alone quotes remembers the last multi-source price it is measured from,
 * and is marked singleSource when it is more than movePct away from it.
 */
function loneSourceFlags(
  usd: Dec,
  sources: number,
  multiSourceUsd: string | undefined,
  movePct: number,
): Pick<StoredPrice, 'singleSource' | 'multiSourceUsd'> {
  if (sources >= 2 || multiSourceUsd === undefined) return {};
  const moved = pctApart(usd, dec(multiSourceUsd)).gt(movePct);
  return moved ? { singleSource: true, multiSourceUsd } : { multiSourceUsd };
}
