import type { Rig } from '#api/records';

// A valid rig record for store tests (child processes import it too).

export function sampleRig(name: string, overrides: Partial<Rig> = {}): Rig {
  return {
    id: `rig-${name}`,
    name,
    coin: 'BTC',
    hashrate: '110',
    hashrateUnit: 'TH/s',
    powerWatts: '3250',
    quantity: 2,
    poolFeePct: '2',
    status: 'active',
    ...overrides,
  };
}
