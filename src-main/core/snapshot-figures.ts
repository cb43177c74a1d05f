import type { Loan, Position, Rig, Settings } from '#api/records';
import type { PositionView, PriceEntry, RigLive } from '#api/snapshot';
import type { Dec } from '#shared/decimal';
import { loanLedger, type LoanLedger } from './loan-ledger';
import { horizonOutstanding } from './loan-odds';
import { loanFigures, type LoanFigures } from './loan-views';
import type { VolatilityTable } from './odds';
import { crossWalletKey } from './positions';
import { fundingKey } from './funding';
import { type FundingInput, positionViews } from './position-views';
import { isUsdLike } from './prices';
import { rigFigures, type CoinMarket, type RigFigures } from './rig-views';

// How the Snapshot gets each record's figures: computed afresh every time (`freshFigures`,
// for as-of reviews and scenarios), or remembered per record and recomputed only when
// something the record's figures read has changed (`cachedFigures`, for the live
// dashboard; docs/architecture.md "Incremental figures"). Both give identical figures:
// the cache only decides whether to call the same functions again.

export interface RecordFigures {
  rigs(
    rigs: readonly Rig[],
    settings: Settings,
    marketOf: (coin: string) => CoinMarket,
    live: Readonly<Record<string, RigLive>>,
  ): RigFigures[];
  loans(
    loans: readonly Loan[],
    asOf: Date,
    settings: Settings,
    prices: Readonly<Record<string, PriceEntry>>,
    /** σ by asset for the odds of crossing (missing: the operator's default). */
    volatility?: VolatilityTable,
  ): LoanFigures[];
  positions(
    positions: readonly Position[],
    settings: Settings,
    prices: Readonly<Record<string, PriceEntry>>,
    volatility?: VolatilityTable,
    /** Funding quotes for the perpetuals' funding figures (missing: none known). */
    funding?: FundingInput,
  ): PositionView[];
  /** One market object per coin for as long as its yield, price and unit stay the same. */
  market(coin: string, fresh: CoinMarket): CoinMarket;
  /**
   * Runs `work` (builds of parts of the farm) without forgetting the records it does not
   * see: how the cache is filled a slice at a time ahead of the whole build.
   */
  warming<T>(work: () => T): T;
}

export const freshFigures: RecordFigures = {
  rigs: (rigs, settings, marketOf, live) =>
    rigs.map((rig) => rigFigures(rig, settings, marketOf(rig.coin), live[rig.id] ?? null)),
  loans: (loans, asOf, settings, prices, volatility = {}) =>
    loans.map((loan) =>
      loanFigures(loan, asOf, settings, prices, loanLedger(loan, asOf), {
        volatility,
        outstandingAt: horizonOutstanding(loan, asOf),
      }),
    ),
  positions: (positions, settings, prices, volatility = {}, funding) =>
    positionViews(positions, settings, prices, volatility, funding),
  market: (_coin, fresh) => fresh,
  warming: (work) => work(),
};

/** What the odds read of one asset's volatility (the day's measurement or the default). */
function volatilityKey(asset: string, volatility: VolatilityTable): string {
  const entry = volatility[asset.toUpperCase()];
  return entry === undefined ? '-' : `${entry.volatilityPct.toString()}|${entry.source}`;
}

/**
 * What the figures read of one asset's price: its value and whether it may be trusted
 * (priceUsdOf and isPriceUnreliable read nothing else). The age of a price is not in it.
 */
export function priceKey(asset: string, prices: Readonly<Record<string, PriceEntry>>): string {
  const entry = asset === 'USD' ? undefined : (prices[asset] ?? prices[asset.toUpperCase()]);
  if (entry === undefined) return isUsdLike(asset) ? '=1' : '-';
  return `${entry.usd}|${entry.stale}|${entry.disputed}|${entry.singleSource === true}`;
}

function marketKey(market: CoinMarket): string {
  return `${market.coinsPerHs?.toString() ?? '-'}|${market.priceUsd?.toString() ?? '-'}|${market.efficiencyUnit}`;
}

interface RigEntry {
  rig: Rig;
  settings: Settings;
  market: CoinMarket;
  live: RigLive | null;
  figures: RigFigures;
}
interface LedgerEntry {
  loan: Loan;
  day: string;
  ledger: LoanLedger;
  /** The debt at the odds' horizons, worked out once a day like the ledger. */
  outstandingAt: (days: number) => Dec;
}
interface LoanEntry {
  loan: Loan;
  day: string;
  settings: Settings;
  prices: string;
  figures: LoanFigures;
}
interface GroupEntry {
  positions: readonly Position[];
  settings: Settings;
  prices: string;
  views: PositionView[];
}

/** Positions whose figures depend on each other: one cross wallet, or one isolated position. */
export function marginGroupOf(p: Position): string {
  return p.marginMode === 'cross' ? `cross\u0000${crossWalletKey(p)}` : `isolated\u0000${p.id}`;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * Figures remembered per record, keyed on the record object (a change replaces it: the
 * store never edits a record in place) and on exactly the inputs its figures read: a
 * rig its coin's market, its reading and the settings; a loan the day (its balance and
 * schedule) and its collateral prices; a margin group its positions' prices. A BTC tick
 * recomputes BTC's rigs, loans and positions and nothing else; a note on one rig, that rig.
 */
export function cachedFigures(): RecordFigures {
  const markets = new Map<string, { key: string; market: CoinMarket }>();
  let rigCache = new Map<string, RigEntry>();
  let ledgerCache = new Map<string, LedgerEntry>();
  let loanCache = new Map<string, LoanEntry>();
  let groupCache = new Map<string, GroupEntry>();
  /** False while warming: a build of a part adds to the cache and evicts nothing. */
  let whole = true;
  /** The cache after a build: the build's entries, plus the others while warming. */
  const kept = <E>(cache: Map<string, E>, next: Map<string, E>): Map<string, E> => {
    if (whole) return next;
    for (const [id, entry] of next) cache.set(id, entry);
    return cache;
  };

  return {
    warming(work) {
      whole = false;
      try {
        return work();
      } finally {
        whole = true;
      }
    },

    market(coin, fresh) {
      const key = marketKey(fresh);
      const known = markets.get(coin);
      if (known && known.key === key) return known.market;
      markets.set(coin, { key, market: fresh });
      return fresh;
    },

    rigs(rigs, settings, marketOf, live) {
      const next = new Map<string, RigEntry>();
      const out = rigs.map((rig) => {
        const market = marketOf(rig.coin);
        const reading = live[rig.id] ?? null;
        const known = rigCache.get(rig.id);
        const entry =
          known &&
          known.rig === rig &&
          known.settings === settings &&
          known.market === market &&
          known.live === reading
            ? known
            : {
                rig,
                settings,
                market,
                live: reading,
                figures: rigFigures(rig, settings, market, reading),
              };
        next.set(rig.id, entry);
        return entry.figures;
      });
      // Removed records leave the cache with the build that no longer sees them.
      rigCache = kept(rigCache, next);
      return out;
    },

    loans(loans, asOf, settings, prices, volatility = {}) {
      const day = asOf.toISOString().slice(0, 10);
      const nextLedgers = new Map<string, LedgerEntry>();
      const nextLoans = new Map<string, LoanEntry>();
      const out = loans.map((loan) => {
        const pricesRead = loan.collateral
          .map((c) => `${priceKey(c.asset, prices)}~${volatilityKey(c.asset, volatility)}`)
          .join(',');
        const known = loanCache.get(loan.id);
        const knownLedger = ledgerCache.get(loan.id);
        const ledgerEntry =
          knownLedger && knownLedger.loan === loan && knownLedger.day === day
            ? knownLedger
            : {
                loan,
                day,
                ledger: loanLedger(loan, asOf),
                outstandingAt: horizonOutstanding(loan, asOf),
              };
        nextLedgers.set(loan.id, ledgerEntry);
        const entry =
          known &&
          known.loan === loan &&
          known.day === day &&
          known.settings === settings &&
          known.prices === pricesRead
            ? known
            : {
                loan,
                day,
                settings,
                prices: pricesRead,
                figures: loanFigures(loan, asOf, settings, prices, ledgerEntry.ledger, {
                  volatility,
                  outstandingAt: ledgerEntry.outstandingAt,
                }),
              };
        nextLoans.set(loan.id, entry);
        return entry.figures;
      });
      ledgerCache = kept(ledgerCache, nextLedgers);
      loanCache = kept(loanCache, nextLoans);
      return out;
    },

    positions(positions, settings, prices, volatility = {}, funding) {
      const groups = new Map<string, Position[]>();
      for (const p of positions) {
        const key = marginGroupOf(p);
        const list = groups.get(key);
        if (list) list.push(p);
        else groups.set(key, [p]);
      }
      const next = new Map<string, GroupEntry>();
      const views = new Map<string, PositionView>();
      for (const [key, members] of groups) {
        const assets = new Set(members.flatMap((p) => [p.baseAsset, p.quoteAsset]));
        // The funding quotes each member reads count like its prices.
        const fundingRead =
          funding === undefined
            ? ''
            : members.map((p) => fundingKey(p, funding.quotes, funding.asOf)).join(',');
        const pricesRead = `${[...assets]
          .map((a) => `${a}=${priceKey(a, prices)}~${volatilityKey(a, volatility)}`)
          .join(',')}#${fundingRead}`;
        const known = groupCache.get(key);
        const entry =
          known &&
          known.settings === settings &&
          known.prices === pricesRead &&
          sameList(known.positions, members)
            ? known
            : {
                positions: members,
                settings,
                prices: pricesRead,
                views: positionViews(members, settings, prices, volatility, funding),
              };
        next.set(key, entry);
        entry.views.forEach((view) => views.set(view.id, view));
      }
      groupCache = kept(groupCache, next);
      return positions.map((p) => views.get(p.id)!);
    },
  };
}
