import { D, type Dec, dec } from './decimal';
import { HASHRATE_UNITS, UNIT_EXPONENT, type HashrateUnit } from './hashrate-units';

// Hash rate input is { hashrate, hashrateUnit }; the core works in H/s (docs/formulas.md
// "Units and conventions").
export { HASHRATE_UNITS, UNIT_EXPONENT, type HashrateUnit } from './hashrate-units';

// H/s per unit, computed once: toHs runs for every rig of every Snapshot.
const tenTo = (unit: HashrateUnit) => new D(10).pow(UNIT_EXPONENT[unit]);
const HS_PER_UNIT: Record<HashrateUnit, Dec> = {
  'H/s': tenTo('H/s'),
  'kH/s': tenTo('kH/s'),
  'MH/s': tenTo('MH/s'),
  'GH/s': tenTo('GH/s'),
  'TH/s': tenTo('TH/s'),
  'PH/s': tenTo('PH/s'),
  'EH/s': tenTo('EH/s'),
};

export function toHs(hashrate: string | Dec, unit: HashrateUnit): Dec {
  return dec(hashrate).mul(HS_PER_UNIT[unit]);
}

export function fromHs(hs: Dec, unit: HashrateUnit): Dec {
  return hs.div(HS_PER_UNIT[unit]);
}

/** The largest unit in which the value is ≥ 1, for display. */
export function bestHashrateUnit(hs: Dec): HashrateUnit {
  for (let i = HASHRATE_UNITS.length - 1; i >= 0; i--) {
    const unit = HASHRATE_UNITS[i]!;
    if (hs.abs().gte(new D(10).pow(UNIT_EXPONENT[unit]))) return unit;
  }
  return 'H/s';
}
