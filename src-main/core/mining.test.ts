import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coinSpec } from './coins';
import { D, dec, decStr } from '#shared/decimal';
import {
  breakEvenPerKwh,
  breakEvenPriceUsd,
  coinsPerDay,
  coinsPerHashDay,
  efficiencyJPerTh,
  hashpriceUsdPerPhDay,
  networkHashrateHs,
  powerCostUsdPerDay,
  rigEconomics,
  rigPerKwh,
} from './mining';
import { sampleRig, sampleSettings } from './test-fixtures/sample-records';
import { toHs } from '#shared/units';

const settings = sampleSettings();
const btc = coinSpec('BTC', settings)!;
// docs/formulas.md "Mining" worked example: an 800 EH/s network.
const specNetwork = {
  difficulty: dec('111758708953857.42'),
  blockReward: dec('3.125'),
  feesPerBlock: dec(0),
};

describe('coins per day', () => {
  it('worked example: 100 PH/s against an 800 EH/s network earns 0.05625 BTC/day', () => {
    const coins = coinsPerDay(toHs('100', 'PH/s'), specNetwork, btc, '0');
    expect(decStr(coins, 8)).toBe('0.05625');
  });

  it('takes the pool fee off the top', () => {
    const coins = coinsPerDay(toHs('100', 'PH/s'), specNetwork, btc, '2');
    expect(decStr(coins, 8)).toBe('0.055125');
  });

  it('adds the average fees per block to the subsidy', () => {
    const withFees = { ...specNetwork, feesPerBlock: dec('0.125') };
    expect(decStr(coinsPerDay(toHs('100', 'PH/s'), withFees, btc, '0'), 8)).toBe('0.0585');
  });

  it('scales linearly with hash rate (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (ths, k) => {
          const one = coinsPerDay(toHs(String(ths), 'TH/s'), specNetwork, btc, '1.5');
          const many = coinsPerDay(toHs(String(ths * k), 'TH/s'), specNetwork, btc, '1.5');
          // Equal to 20 significant digits: far past any coin amount, inside the 28-digit working precision.
          expect(many.toSignificantDigits(20).eq(one.mul(k).toSignificantDigits(20))).toBe(true);
        },
      ),
    );
  });
});

describe('network hash rate', () => {
  it('worked example: D = 111,758,708,953,857.42 is an 800 EH/s Bitcoin network', () => {
    expect(
      networkHashrateHs(specNetwork.difficulty, btc)
        .div(new D(10).pow(18))
        .toDecimalPlaces(6)
        .toFixed(),
    ).toBe('800');
  });

  it('Kaspa: 2 × D per block at 10 blocks/s; ETC: D per block every 13 s', () => {
    expect(networkHashrateHs(dec('1000'), coinSpec('KAS', settings)!).toFixed()).toBe('20000');
    expect(networkHashrateHs(dec('1300'), coinSpec('ETC', settings)!).toFixed()).toBe('100');
  });
});

describe('power, break-even and efficiency', () => {
  it('power cost/day = watts × 24 / 1000 × $/kWh × quantity', () => {
    // Bitmain Antminer S19 Pro spec sheet: 3250 W. Two of them at $0.10/kWh.
    expect(
      powerCostUsdPerDay({ watts: dec('3250'), quantity: 2, perKwh: dec('0.10') }).toFixed(),
    ).toBe('15.6');
  });

  it('uses the rig’s own electricity price over the farm default', () => {
    expect(rigPerKwh(sampleRig({ electricityPerKwh: '0.045' }), settings).toFixed()).toBe('0.045');
    expect(rigPerKwh(sampleRig(), settings).toFixed()).toBe('0.08');
  });

  it('efficiency matches Bitmain’s published J/TH (S21: 200 TH/s at 3500 W = 17.5 J/TH)', () => {
    expect(efficiencyJPerTh(dec('3500'), toHs('200', 'TH/s'))?.toFixed()).toBe('17.5');
    // S19 Pro: 110 TH/s at 3250 W ≈ 29.5 J/TH.
    expect(efficiencyJPerTh(dec('3250'), toHs('110', 'TH/s'))?.toDecimalPlaces(1).toFixed()).toBe(
      '29.5',
    );
    expect(efficiencyJPerTh(dec('3250'), dec(0))).toBeNull();
  });

  it('break-even price = power cost / coins; break-even $/kWh = revenue / (kW × 24)', () => {
    expect(breakEvenPriceUsd(dec('8.4'), dec('0.0001'))?.toFixed()).toBe('84000');
    expect(breakEvenPriceUsd(dec('8.4'), dec(0))).toBeNull();
    expect(breakEvenPerKwh(dec('12'), dec('3500'))?.toDecimalPlaces(6).toFixed()).toBe('0.142857');
    expect(breakEvenPerKwh(dec('12'), dec(0))).toBeNull();
  });

  it('BTC hashprice: 1 PH/s earns 0.0005625 BTC/day on an 800 EH/s network, $56.25 at $100,000', () => {
    expect(decStr(hashpriceUsdPerPhDay(specNetwork, btc, dec('100000')), 6)).toBe('56.25');
  });
});

describe('rigEconomics', () => {
  const btcYield = coinsPerHashDay(specNetwork, btc);

  it('multiplies hash rate and power by quantity', () => {
    const rig = sampleRig({
      hashrate: '50',
      hashrateUnit: 'PH/s',
      quantity: 2,
      powerWatts: '1000',
    });
    const e = rigEconomics(rig, settings, btcYield, dec('100000'));
    expect(decStr(e.coinsPerDay!, 8)).toBe('0.05625');
    expect(e.powerCostUsdPerDay.toFixed()).toBe('3.84');
    expect(decStr(e.revenueUsdPerDay!, 6)).toBe('5625');
    expect(decStr(e.profitUsdPerDay!, 6)).toBe('5621.16');
  });

  it('a rig in maintenance earns and costs nothing but keeps its nameplate break-even', () => {
    const rig = sampleRig({ status: 'maintenance' });
    const e = rigEconomics(rig, settings, btcYield, dec('100000'));
    expect(e.coinsPerDay?.toFixed()).toBe('0');
    expect(e.powerCostUsdPerDay.toFixed()).toBe('0');
    expect(e.profitUsdPerDay?.toFixed()).toBe('0');
    expect(e.breakEvenPriceUsd).not.toBeNull();
    expect(e.efficiencyJPerTh?.toFixed()).toBe('17.5');
  });

  it('without a price the revenue and profit are null, not 0; without chain stats so are coins', () => {
    const noPrice = rigEconomics(sampleRig(), settings, btcYield, null);
    expect(noPrice.revenueUsdPerDay).toBeNull();
    expect(noPrice.profitUsdPerDay).toBeNull();
    expect(noPrice.coinsPerDay).not.toBeNull();
    const noChain = rigEconomics(sampleRig(), settings, null, dec('100000'));
    expect(noChain.coinsPerDay).toBeNull();
    expect(noChain.breakEvenPriceUsd).toBeNull();
  });
});
