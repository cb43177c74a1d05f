import { D, type Dec } from './decimal';

// Efficiency is read in the unit each algorithm's machines are sold in: joules per
// terahash for SHA-256 and kHeavyHash, per gigahash for Scrypt, per megahash for Etchash
// (docs/formulas.md "Efficiency"). One joule per hash per second is one watt.

export const EFFICIENCY_UNITS = ['J/H', 'J/kH', 'J/MH', 'J/GH', 'J/TH', 'J/PH'] as const;
export type EfficiencyUnit = (typeof EFFICIENCY_UNITS)[number];

/** Used when a custom coin does not declare its own unit. */
export const DEFAULT_EFFICIENCY_UNIT: EfficiencyUnit = 'J/TH';

const HASHES_PER_UNIT: Record<EfficiencyUnit, Dec> = {
  'J/H': new D(1),
  'J/kH': new D(10).pow(3),
  'J/MH': new D(10).pow(6),
  'J/GH': new D(10).pow(9),
  'J/TH': new D(10).pow(12),
  'J/PH': new D(10).pow(15),
};

/** Hashes in one unit's denominator: J/GH → 10^9. */
export function hashesPerEfficiencyUnit(unit: EfficiencyUnit): Dec {
  return HASHES_PER_UNIT[unit];
}
