import type { Position } from '#api/records';
import { type Dec, ZERO, dec } from '#shared/decimal';

// Maintenance brackets (docs/formulas-positions.md "Maintenance brackets"): the exchange's
// table of maintenance margin rate, maintenance amount and maximum leverage by notional.
// A position without brackets has one open-ended bracket: its flat rate and amount.

export interface MaintenanceTier {
  /** Notional where the bracket starts (the previous cap; 0 for the first). */
  floor: Dec;
  /** Notional where it ends; null for the last bracket, which covers everything above. */
  cap: Dec | null;
  rate: Dec;
  amount: Dec;
  /** Highest leverage the exchange allows in this bracket; null when not known. */
  maxLeverage: Dec | null;
}

export type BracketTerms = Pick<
  Position,
  'maintenanceMarginRate' | 'maintenanceAmount' | 'maintenanceBrackets'
>;

// Stored records are replaced on update, never edited in place, so each bracket list is
// parsed once and reused by every Snapshot that still holds it.
const parsed = new WeakMap<readonly object[], MaintenanceTier[]>();

/** The brackets of a position, lowest first, with their floors filled in. */
export function maintenanceTiers(p: BracketTerms): MaintenanceTier[] {
  const brackets = p.maintenanceBrackets;
  const known = brackets === undefined ? undefined : parsed.get(brackets);
  if (known) return known;
  if (brackets === undefined || brackets.length === 0) {
    return [
      {
        floor: ZERO,
        cap: null,
        rate: dec(p.maintenanceMarginRate),
        amount: dec(p.maintenanceAmount),
        maxLeverage: null,
      },
    ];
  }
  const tiers = brackets.map((b, i) => ({
    floor: i === 0 ? ZERO : dec(brackets[i - 1]!.notionalCap),
    cap: i === brackets.length - 1 ? null : dec(b.notionalCap),
    rate: dec(b.maintenanceMarginRate),
    amount: dec(b.maintenanceAmount),
    maxLeverage: dec(b.maxLeverage),
  }));
  parsed.set(brackets, tiers);
  return tiers;
}

/** The bracket a notional falls in (a notional on a cap belongs to the bracket below it). */
export function tierAt(tiers: readonly MaintenanceTier[], notional: Dec): MaintenanceTier {
  const found = tiers.find((t) => t.cap === null || notional.lte(t.cap));
  return found ?? tiers[tiers.length - 1]!;
}

/** Notional at a price: Q·P in the quote asset (linear) or C/P in coin (inverse). */
export function notionalAt(p: Pick<Position, 'kind' | 'size'>, price: Dec): Dec {
  const size = dec(p.size);
  return p.kind === 'inverse' ? size.div(price) : size.mul(price);
}
