// The hash rate units and their powers of ten, as plain lists: the formatting of the first
// screen needs them without decimal.js (./units.ts does the arithmetic with it).

export const HASHRATE_UNITS = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s', 'EH/s'] as const;
export type HashrateUnit = (typeof HASHRATE_UNITS)[number];

/** H/s per unit is 10 to this power. */
export const UNIT_EXPONENT: Record<HashrateUnit, number> = {
  'H/s': 0,
  'kH/s': 3,
  'MH/s': 6,
  'GH/s': 9,
  'TH/s': 12,
  'PH/s': 15,
  'EH/s': 18,
};
