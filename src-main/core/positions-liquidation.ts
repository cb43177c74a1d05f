import type { Position } from '#api/records';
import { type Dec, ONE, ZERO, dec } from '#shared/decimal';
import {
  type MaintenanceTier,
  bracketBreakpoints,
  maintenanceTiers,
  notionalAt,
  tierAt,
} from './positions-brackets';

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

/**
 * With every leg's bracket fixed, equity − maintenance margin is `numerator − slope·P`
 * (linear) or `numerator − slope/P` (inverse). Returns both coefficients.
 */
function fixedBracketTerms(
  legs: readonly LegTerms[],
  tiers: readonly MaintenanceTier[],
  wallet: Dec,
): { numerator: Dec; slope: Dec } {
  let numerator = wallet;
  let slope = ZERO;
  legs.forEach((leg, i) => {
    const tier = tiers[i]!;
    const s = sign(leg.side);
    const size = dec(leg.size);
    // An empty leg (hedge mode with one side closed) has no maintenance amount either.
    if (size.isZero()) return;
    const entry = dec(leg.entryPrice);
    const atEntry = leg.formula === 'maintenance-at-entry';
    if (leg.kind === 'inverse') {
      // Binance COIN-M FAQ: LP = Σ C·(MMR + s) / (WB + Σcum + Σ s·C/EP); Bybit inverse keeps MM at entry.
      numerator = numerator.plus(s.mul(size).div(entry));
      if (atEntry) {
        numerator = numerator.minus(size.div(entry).mul(tier.rate).minus(tier.amount));
        slope = slope.plus(s.mul(size));
      } else {
        numerator = numerator.plus(tier.amount);
        slope = slope.plus(size.mul(tier.rate)).plus(s.mul(size));
      }
      return;
    }
    if (atEntry) {
      // Bybit "Liquidation Price (USDT contract)": MM = Q·EP·MMR − cum, fixed at entry.
      numerator = numerator.minus(s.mul(size).mul(entry));
      numerator = numerator.minus(size.mul(entry).mul(tier.rate).minus(tier.amount));
      slope = slope.minus(s.mul(size));
    } else {
      // Binance USDⓈ-M FAQ: LP = (WB − TMM + UPNL + Σcum − Σ s·Q·EP) / (Σ Q·MMR − Σ s·Q).
      numerator = numerator.plus(tier.amount).minus(s.mul(size).mul(entry));
      slope = slope.plus(size.mul(tier.rate)).minus(s.mul(size));
    }
  });
  return { numerator, slope };
}

interface Root {
  price: Dec | null;
  direction: LiquidationDirection | null;
  /** equity − maintenance margin at the probe price is negative. */
  shortAtProbe: boolean;
}

function solve(kind: Position['kind'], numerator: Dec, slope: Dec, probe: Dec): Root {
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

function uniqueSorted(prices: Dec[]): Dec[] {
  const sorted = [...prices].filter((p) => p.gt(0)).sort((a, b) => a.comparedTo(b));
  return sorted.filter((p, i) => i === 0 || !p.eq(sorted[i - 1]!));
}

/**
 * The liquidation price of legs sharing `wallet` (WB − TMM + UPNL of everything else), in
 * the brackets in force at that price: Binance's "compute with a bracket, check the notional
 * at the result falls in it, else try the next", done once per span between bracket caps.
 * When more than one price qualifies, the one nearest `near` (the mark) is returned.
 */
export function legsLiquidation(legs: readonly LegTerms[], wallet: Dec, near: Dec): Liquidation {
  const kind = legs[0]?.kind ?? 'linear';
  const tiersByLeg = legs.map(maintenanceTiers);
  const breakpoints = uniqueSorted(
    legs.flatMap((leg, i) =>
      leg.formula === 'maintenance-at-entry' ? [] : bracketBreakpoints(leg, tiersByLeg[i]!),
    ),
  );
  const candidates: { price: Dec; direction: LiquidationDirection; tiers: MaintenanceTier[] }[] =
    [];
  let shortAtFirstProbe = false;
  for (let span = 0; span <= breakpoints.length; span += 1) {
    const low = span === 0 ? ZERO : breakpoints[span - 1]!;
    const high = span === breakpoints.length ? null : breakpoints[span]!;
    const probe = high === null ? (low.isZero() ? ONE : low.mul(2)) : low.plus(high).div(2);
    const tiers = legs.map((leg, i) =>
      tierAt(
        tiersByLeg[i]!,
        notionalAt(leg, leg.formula === 'maintenance-at-entry' ? dec(leg.entryPrice) : probe),
      ),
    );
    const { numerator, slope } = fixedBracketTerms(legs, tiers, wallet);
    const root = solve(kind, numerator, slope, probe);
    if (span === 0) shortAtFirstProbe = root.shortAtProbe;
    // Binance FAQ: LP ≤ 0 means no liquidation; a price outside this span belongs to another bracket.
    if (root.price === null || root.direction === null || !root.price.isFinite()) continue;
    if (root.price.lte(0) || root.price.lt(low) || (high !== null && root.price.gt(high))) continue;
    candidates.push({ price: root.price, direction: root.direction, tiers });
  }
  const distance = (price: Dec) => price.minus(near).abs();
  const best = candidates.reduce<(typeof candidates)[number] | null>(
    (chosen, c) => (chosen === null || distance(c.price).lt(distance(chosen.price)) ? c : chosen),
    null,
  );
  if (best === null) {
    // No price crosses the maintenance margin: the sign anywhere is the sign everywhere.
    return {
      price: null,
      direction: null,
      tiers: legs.map(() => null),
      underwater: shortAtFirstProbe,
    };
  }
  return { price: best.price, direction: best.direction, tiers: best.tiers, underwater: false };
}
