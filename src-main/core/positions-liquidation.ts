import type { Position } from '#api/records';
import { type Dec, ONE, ZERO, dec } from '#shared/decimal';
import { type MaintenanceTier, maintenanceTiers, notionalAt, tierAt } from './positions-brackets';

// The liquidation price of one or more legs that share one margin balance
// (docs/formulas-positions.md "Linear", "Inverse", "Hedge mode", "Maintenance brackets").
// A single position is a group of one leg; the long and short legs of one symbol in one
// cross wallet are a group of two (Binance hedge mode: LONG, SHORT and BOTH legs all enter
// the price-dependent terms). Each leg keeps its own maintenance style:
// `maintenance-at-liquidation` (Binance) measures its maintenance margin at the
// liquidation price, `maintenance-at-entry` (Bybit) at its entry.

export type LegTerms = Pick<
  Position,
  | 'kind'
  | 'side'
  | 'size'
  | 'entryPrice'
  | 'formula'
  | 'maintenanceMarginRate'
  | 'maintenanceAmount'
  | 'maintenanceBrackets'
>;

export type LiquidationDirection = 'fall' | 'rise';

export interface Liquidation {
  /** null: no positive price liquidates the legs (or they are under water at every price). */
  price: Dec | null;
  /** Which way the mark must move to reach the price. */
  direction: LiquidationDirection | null;
  /** The bracket each leg is measured in at that price, in the order of the legs. */
  tiers: (MaintenanceTier | null)[];
  /** The margin balance is below the maintenance margin at every price. */
  underwater: boolean;
}

function sign(side: Position['side']): Dec {
  return side === 'long' ? ONE : ONE.neg();
}

/** A leg's figures, parsed once; `tier` moves as the sweep crosses its bracket caps. */
interface LegState {
  index: number;
  s: Dec;
  size: Dec;
  entry: Dec;
  atEntry: boolean;
  tiers: MaintenanceTier[];
  tier: number;
}

interface Terms {
  numerator: Dec;
  slope: Dec;
}

/*
 * Equity − maintenance margin is `numerator − slope·P` (linear) or `numerator − slope/P`
 * (inverse). Each leg adds a part that does not depend on its bracket …
 */
function baseTerms(kind: Position['kind'], leg: LegState): Terms {
  if (kind === 'inverse') {
    // Binance COIN-M FAQ: LP = Σ C·(MMR + s) / (WB + Σcum + Σ s·C/EP).
    return { numerator: leg.s.mul(leg.size).div(leg.entry), slope: leg.s.mul(leg.size) };
  }
  // Binance USDⓈ-M FAQ: LP = (WB − TMM + UPNL + Σcum − Σ s·Q·EP) / (Σ Q·MMR − Σ s·Q).
  return { numerator: leg.s.mul(leg.size).mul(leg.entry).neg(), slope: leg.s.mul(leg.size).neg() };
}

/* … and a part from its bracket: at the liquidation price (Binance) or fixed at entry (Bybit). */
function tierTerms(kind: Position['kind'], leg: LegState): Terms {
  const tier = leg.tiers[leg.tier]!;
  if (leg.atEntry) {
    // Bybit "Liquidation Price (USDT contract)" / inverse: MM = notional at entry × MMR − cum, a constant.
    const notional = kind === 'inverse' ? leg.size.div(leg.entry) : leg.size.mul(leg.entry);
    return { numerator: notional.mul(tier.rate).minus(tier.amount).neg(), slope: ZERO };
  }
  return { numerator: tier.amount, slope: leg.size.mul(tier.rate) };
}

interface Root {
  price: Dec | null;
  direction: LiquidationDirection | null;
  /** equity − maintenance margin at the probe price is negative. */
  shortAtProbe: boolean;
}

function solve(kind: Position['kind'], terms: Terms, probe: Dec): Root {
  const { numerator, slope } = terms;
  if (kind === 'inverse') {
    // f(P) = numerator − slope/P: rising in P when slope > 0.
    const shortAtProbe = numerator.minus(slope.div(probe)).lt(0);
    if (slope.isZero() || numerator.isZero()) return { price: null, direction: null, shortAtProbe };
    return {
      price: slope.div(numerator),
      direction: slope.gt(0) ? 'fall' : 'rise',
      shortAtProbe,
    };
  }
  // f(P) = numerator − slope·P: rising in P when slope < 0.
  const shortAtProbe = numerator.minus(slope.mul(probe)).lt(0);
  if (slope.isZero()) return { price: null, direction: null, shortAtProbe };
  return { price: numerator.div(slope), direction: slope.lt(0) ? 'fall' : 'rise', shortAtProbe };
}

interface BracketChange {
  price: Dec;
  leg: LegState;
  tier: number;
}

/**
 * Where each Binance-style leg changes bracket as the price rises: a linear notional Q·P
 * climbs the brackets at cap/Q; an inverse notional C/P comes down them at C/cap.
 */
function bracketChanges(kind: Position['kind'], legs: readonly LegState[]): BracketChange[] {
  const changes: BracketChange[] = [];
  for (const leg of legs) {
    if (leg.atEntry) continue;
    leg.tiers.forEach((t, k) => {
      if (t.cap === null) return;
      changes.push(
        kind === 'inverse'
          ? { price: leg.size.div(t.cap), leg, tier: k }
          : { price: t.cap.div(leg.size), leg, tier: k + 1 },
      );
    });
  }
  return changes.sort((a, b) => a.price.comparedTo(b.price));
}

function add(a: Terms, b: Terms): Terms {
  return { numerator: a.numerator.plus(b.numerator), slope: a.slope.plus(b.slope) };
}

function subtract(a: Terms, b: Terms): Terms {
  return { numerator: a.numerator.minus(b.numerator), slope: a.slope.minus(b.slope) };
}

/**
 * The prices at which legs sharing `wallet` (WB − TMM + UPNL of everything else) are
 * liquidated, each in the brackets in force at that price: Binance's "compute with a
 * bracket, check the notional at the result falls in it, else try the next", done for
 * every span of prices between two bracket caps in one sweep from low to high. None of
 * this reads the mark; only the choice between several prices does (`nearestLiquidation`),
 * so a chart of past distances works it out once for as long as the legs and the wallet
 * stay the same (docs/architecture.md "History").
 */
export interface LiquidationCandidates {
  legs: readonly LegTerms[];
  /** Each qualifying price, low to high, with its direction and the legs' brackets there. */
  candidates: readonly {
    price: Dec;
    direction: LiquidationDirection;
    tiers: readonly (MaintenanceTier | null)[];
  }[];
  /** Equity − maintenance margin is negative at the first probe price. */
  shortAtFirstProbe: boolean;
}

export function liquidationCandidates(
  legs: readonly LegTerms[],
  wallet: Dec,
): LiquidationCandidates {
  const kind = legs[0]?.kind ?? 'linear';
  const states: LegState[] = [];
  legs.forEach((leg, index) => {
    const size = dec(leg.size);
    // An empty leg (hedge mode with one side closed) has no maintenance amount either.
    if (size.isZero()) return;
    const tiers = maintenanceTiers(leg);
    const atEntry = leg.formula === 'maintenance-at-entry';
    const entry = dec(leg.entryPrice);
    const lowest = kind === 'inverse' ? tiers.length - 1 : 0;
    const tier = atEntry ? tiers.indexOf(tierAt(tiers, notionalAt(leg, entry))) : lowest;
    states.push({ index, s: sign(leg.side), size, entry, atEntry, tiers, tier });
  });
  let terms: Terms = { numerator: wallet, slope: ZERO };
  for (const leg of states) terms = add(add(terms, baseTerms(kind, leg)), tierTerms(kind, leg));

  const tiersOf = (): (MaintenanceTier | null)[] =>
    legs.map((_, i) => {
      const at = states.find((l) => l.index === i);
      return at === undefined ? null : (at.tiers[at.tier] ?? null);
    });
  const changes = bracketChanges(kind, states);
  const candidates: LiquidationCandidates['candidates'][number][] = [];
  let shortAtFirstProbe = false;
  let low = ZERO;
  let next = 0;
  for (;;) {
    const high = next < changes.length ? changes[next]!.price : null;
    const probe = high === null ? (low.isZero() ? ONE : low.mul(2)) : low.plus(high).div(2);
    const root = solve(kind, terms, probe);
    if (low.isZero()) shortAtFirstProbe = root.shortAtProbe;
    const price = root.price;
    // Binance FAQ: LP ≤ 0 means no liquidation; a price outside this span belongs to other brackets.
    if (
      price !== null &&
      root.direction !== null &&
      price.isFinite() &&
      price.gt(0) &&
      price.gte(low) &&
      (high === null || price.lte(high))
    ) {
      candidates.push({ price, direction: root.direction, tiers: tiersOf() });
    }
    if (high === null) break;
    // Cross every cap at this price, then go on to the next span.
    while (next < changes.length && changes[next]!.price.eq(high)) {
      const change = changes[next]!;
      terms = subtract(terms, tierTerms(kind, change.leg));
      change.leg.tier = change.tier;
      terms = add(terms, tierTerms(kind, change.leg));
      next += 1;
    }
    low = high;
  }
  return { legs, candidates, shortAtFirstProbe };
}

/** Of the candidate prices, the one nearest `near` (the mark); the first of equals. */
export function nearestLiquidation(found: LiquidationCandidates, near: Dec): Liquidation {
  const { candidates } = found;
  if (candidates.length === 0) {
    // No price crosses the maintenance margin: the sign anywhere is the sign everywhere.
    return {
      price: null,
      direction: null,
      tiers: found.legs.map(() => null),
      underwater: found.shortAtFirstProbe,
    };
  }
  let best = candidates[0]!;
  if (candidates.length > 1) {
    let bestDistance = best.price.minus(near).abs();
    for (const c of candidates.slice(1)) {
      const distance = c.price.minus(near).abs();
      if (distance.lt(bestDistance)) {
        best = c;
        bestDistance = distance;
      }
    }
  }
  return {
    price: best.price,
    direction: best.direction,
    tiers: [...best.tiers],
    underwater: false,
  };
}

/**
 * The liquidation price of legs sharing `wallet` in the brackets in force at that price
 * (`liquidationCandidates`). When more than one price qualifies (hedge legs only), the one
 * nearest `near` (the mark) is returned.
 */
export function legsLiquidation(legs: readonly LegTerms[], wallet: Dec, near: Dec): Liquidation {
  return nearestLiquidation(liquidationCandidates(legs, wallet), near);
}
