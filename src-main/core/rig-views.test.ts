import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RigLive } from '#api/snapshot';
import { dec, decStr } from '#shared/decimal';
import { coinMarket, rigFigures } from './rig-views';
import { sampleRig, sampleSettings } from './test-fixtures/sample-records';

// A rig's row as the Rigs page shows it: efficiency in the unit its machines are sold in,
// and no revenue while its live poll says it is offline.

const settings = sampleSettings({
  electricityPerKwh: '0.05',
  coins: [
    {
      symbol: 'DOGE',
      algorithm: 'Scrypt',
      blockTimeSec: '60',
      hashesPerDifficulty: '4294967296',
      efficiencyUnit: 'J/GH',
    },
    { symbol: 'XYZ', algorithm: 'NewHash', blockTimeSec: '60', hashesPerDifficulty: '1' },
  ],
});
// An 800 EH/s Bitcoin network (docs/formulas.md "Mining" worked example) at $100,000.
const network = {
  BTC: {
    difficulty: '111758708953857.42',
    blockReward: '3.125',
    feesPerBlock: '0',
    networkHashrateHs: '800000000000000000000',
    height: 900000,
    source: 'manual',
    at: '2026-11-24T12:00:00.000Z',
    stale: false,
  },
};
const prices = {
  BTC: {
    usd: '100000',
    source: 'manual',
    at: '2026-11-24T12:00:00.000Z',
    stale: false,
    manual: true,
    disputed: false,
    ageSec: 0,
  },
};

function live(online: boolean): RigLive {
  return {
    hashrateHs: online ? '200000000000000' : '0',
    temperatureC: null,
    uptimeS: 0,
    at: '2026-11-24T12:00:00.000Z',
    online,
    error: online ? null : 'connection refused',
  };
}

function row(overrides: Parameters<typeof sampleRig>[0], reading: RigLive | null = null) {
  const rig = sampleRig(overrides);
  return rigFigures(rig, settings, coinMarket(rig.coin, settings, network, prices), reading);
}

describe('efficiency in the algorithm’s unit', () => {
  // Manufacturers' spec sheets: Antminer S21 200 TH/s at 3,500 W (17.5 J/TH); Antminer L7
  // 9,500 MH/s at 3,425 W (0.36 J/MH = 360.5 J/GH); Antminer E9 Pro 3,680 MH/s at 2,200 W
  // (0.6 J/MH); Antminer KS5 Pro 21 TH/s at 3,150 W (150 J/TH).
  it.each([
    ['BTC', '200', 'TH/s', '3500', '17.5', 'J/TH'],
    ['LTC', '9500', 'MH/s', '3425', '360.526316', 'J/GH'],
    ['ETC', '3680', 'MH/s', '2200', '0.597826', 'J/MH'],
    ['KAS', '21', 'TH/s', '3150', '150', 'J/TH'],
    ['DOGE', '9.5', 'GH/s', '3425', '360.526316', 'J/GH'],
    ['XYZ', '1', 'TH/s', '100', '100', 'J/TH'],
  ] as const)(
    '%s: %s %s at %s W → %s %s',
    (coin, hashrate, hashrateUnit, powerWatts, value, unit) => {
      const { view } = row({ coin, hashrate, hashrateUnit, powerWatts });
      expect(view.efficiency.unit).toBe(unit);
      expect(decStr(dec(view.efficiency.value!), 6)).toBe(value);
    },
  );

  it('keeps efficiencyJPerTh in J/TH for every coin (the L7 reads 360,526.3 J/TH)', () => {
    const { view } = row({
      coin: 'LTC',
      hashrate: '9500',
      hashrateUnit: 'MH/s',
      powerWatts: '3425',
    });
    expect(decStr(dec(view.efficiencyJPerTh!), 1)).toBe('360526.3');
  });
});

describe('a rig its live poll reports offline', () => {
  it('earns nothing, shows the revenue it loses, and still pays for power', () => {
    // 200 TH/s on an 800 EH/s network: 0.0001125 BTC/day at $100,000 = $11.25/day.
    const online = row({}, live(true));
    expect(online.view.revenueUsdPerDay).toBe('11.25');
    expect(online.view.revenueLostUsdPerDay).toBe('0');

    const offline = row({}, live(false));
    expect(offline.view.coinsPerDay).toBe('0');
    expect(offline.view.revenueUsdPerDay).toBe('0');
    expect(offline.view.revenueLostUsdPerDay).toBe('11.25');
    // 3,500 W × 24 h × $0.05/kWh = $4.20/day.
    expect(offline.view.powerCostUsdPerDay).toBe('4.2');
    expect(offline.view.profitUsdPerDay).toBe('-4.2');
  });

  it('a rig never polled earns its nameplate revenue; a rig in maintenance loses nothing', () => {
    expect(row({}, null).view.revenueUsdPerDay).toBe('11.25');
    expect(row({ status: 'maintenance' }, live(false)).view.revenueLostUsdPerDay).toBe('0');
  });

  it('property: revenue + revenue lost is the nameplate revenue, online or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.boolean(), (th, online) => {
        const nameplate = row({ hashrate: String(th) }, null).view.revenueUsdPerDay!;
        const { view } = row({ hashrate: String(th) }, live(online));
        expect(
          dec(view.revenueUsdPerDay!).plus(dec(view.revenueLostUsdPerDay!)).eq(dec(nameplate)),
        ).toBe(true);
      }),
    );
  });
});
