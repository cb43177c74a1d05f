import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Loan, Rig } from '#api/records';
import { dec } from '#shared/decimal';
import { loanBalance } from './loans';
import { integrateRevenue, interestAccruedThrough, monthlyPnl, reviewPeriods } from './monthly-pnl';

// A loan whose interest is a round number of dollars a day: 73,000 at 10 % ACT/365 is
// $20.00/day; after the first payment 36,500 is $10.00/day, after the second 18,250 is $5.00/day.
const LOAN: Loan = {
  id: 'loan-1',
  lender: 'Ledn',
  principal: '73000',
  currency: 'USD',
  aprPct: '10',
  dayCount: 365,
  startDate: '2026-07-15',
  termMonths: 12,
  repayment: 'interest-only',
  collateral: [{ asset: 'BTC', amount: '2' }],
  marginCallLtvPct: '70',
  liquidationLtvPct: '80',
  payments: [
    // 31 days × $20 = 620 interest, then 36,500 principal.
    { id: 'p1', date: '2026-08-15', amount: '37120' },
    // 36 days × $10 = 360 interest, then 18,250 principal.
    { id: 'p2', date: '2026-09-20', amount: '18610' },
  ],
};

// docs/formulas-loans.md example terms: $500,000 at 12 % ACT/365, $164.383561…/day, no payments.
const BIG_LOAN: Loan = {
  ...LOAN,
  id: 'loan-2',
  principal: '500000',
  aprPct: '12',
  startDate: '2026-09-01',
  payments: [],
};

const RIG: Rig = {
  id: 'rig-1',
  name: 'S21 row A',
  coin: 'BTC',
  hashrate: '200',
  hashrateUnit: 'TH/s',
  powerWatts: '3500',
  quantity: 10,
  poolFeePct: '2',
  status: 'active',
};

function hourly(fromIso: string, hours: number, usdPerDay: string): [string, string][] {
  const start = Date.parse(fromIso);
  return Array.from({ length: hours }, (_, h) => [
    new Date(start + h * 3_600_000).toISOString(),
    usdPerDay,
  ]);
}

describe('review periods', () => {
  it('lists whole calendar months and cuts the last one at the review date', () => {
    expect(reviewPeriods('2026-10-12', 3)).toEqual([
      { month: '2026-08', from: '2026-08-01', to: '2026-08-31', days: 31 },
      { month: '2026-09', from: '2026-09-01', to: '2026-09-30', days: 30 },
      { month: '2026-10', from: '2026-10-01', to: '2026-10-12', days: 12 },
    ]);
    expect(reviewPeriods('2027-01-31', 2).map((p) => p.month)).toEqual(['2026-12', '2027-01']);
  });
});

describe('loan interest by month', () => {
  it('matches the hand-computed interest before, between and after the payments', () => {
    const rows = monthlyPnl({
      asOfDate: '2026-10-31',
      months: 4,
      revenueHistory: [],
      historyUntilMs: Date.parse('2026-11-01T00:00:00Z'),
      rigs: [],
      settings: { electricityPerKwh: '0.08' },
      loans: [LOAN],
      realisedPnl: [],
    });
    // July 15→31: 16 d × $20. August: 15 d × $20 + 16 d × $10. September: 20 d × $10 +
    // 10 d × $5. October: 31 d × $5.
    expect(rows.map((r) => [r.month, r.loanInterestUsd])).toEqual([
      ['2026-07', '320'],
      ['2026-08', '460'],
      ['2026-09', '250'],
      ['2026-10', '155'],
    ]);
  });

  it('adds up to what loanBalance says was accrued and paid', () => {
    for (const date of ['2026-08-10', '2026-08-15', '2026-09-19', '2026-09-20', '2026-12-31']) {
      const balance = loanBalance(LOAN, new Date(`${date}T12:00:00Z`));
      const principalPaid = dec(LOAN.principal).minus(balance.principalBalance);
      const interestPaid = balance.paidTotal.minus(principalPaid);
      expect(interestAccruedThrough(LOAN, date).toFixed()).toBe(
        balance.accruedInterest.plus(interestPaid).toFixed(),
      );
    }
  });

  it('is exact to the cent on a loan whose daily interest is not a round number', () => {
    const [september, october] = monthlyPnl({
      asOfDate: '2026-10-31',
      months: 2,
      revenueHistory: [],
      historyUntilMs: Date.parse('2026-11-01T00:00:00Z'),
      rigs: [],
      settings: { electricityPerKwh: '0.08' },
      loans: [BIG_LOAN],
      realisedPnl: [],
    });
    // 500,000 × 12 % × 29 / 365 = 4,767.1233 (Sep 1 → Sep 30); × 31 / 365 = 5,095.8904.
    expect(september!.loanInterestUsd).toBe('4767.12');
    expect(october!.loanInterestUsd).toBe('5095.89');
  });
});

describe('mining revenue from history', () => {
  it('integrates hourly points and says how many days they cover', () => {
    const points = hourly('2026-10-01T00:00:00Z', 15 * 24, '240');
    const result = integrateRevenue(
      points,
      Date.parse('2026-10-01T00:00:00Z'),
      Date.parse('2026-11-01T00:00:00Z'),
    );
    expect(result.revenueUsd?.toFixed()).toBe('3600');
    expect(result.coverageDays.toFixed()).toBe('15');
  });

  it('does not count a gap of several days as history', () => {
    const points: [string, string][] = [
      ...hourly('2026-10-01T00:00:00Z', 24, '100'),
      ...hourly('2026-10-10T00:00:00Z', 24, '300'),
    ];
    const result = integrateRevenue(
      points,
      Date.parse('2026-10-01T00:00:00Z'),
      Date.parse('2026-11-01T00:00:00Z'),
    );
    expect(result.coverageDays.toFixed()).toBe('2');
    expect(result.revenueUsd?.toFixed()).toBe('400');
  });

  it('gives a month without points no revenue and no net, and a partly covered month a partial flag', () => {
    const rows = monthlyPnl({
      asOfDate: '2026-10-31',
      months: 2,
      revenueHistory: hourly('2026-10-17T00:00:00Z', 15 * 24, '240'),
      historyUntilMs: Date.parse('2026-11-01T00:00:00Z'),
      rigs: [RIG],
      settings: { electricityPerKwh: '0.08' },
      loans: [],
      realisedPnl: [
        { date: '2026-10-05', amountUsd: '-1250.5' },
        { date: '2026-10-31', amountUsd: '300' },
        { date: '2026-11-01', amountUsd: '999' },
      ],
    });
    // Power: 3,500 W × 24 / 1000 × $0.08 × 10 = $67.20/day.
    expect(rows[0]).toMatchObject({
      month: '2026-09',
      miningRevenueUsd: null,
      revenueHistory: 'none',
      revenueCoverageDays: '0',
      powerCostUsd: '2016',
      netUsd: null,
    });
    // October: the power cost covers the same 15 days as the revenue, 15 × $67.20.
    expect(rows[1]).toMatchObject({
      month: '2026-10',
      miningRevenueUsd: '3600',
      revenueCoverageDays: '15',
      revenueHistory: 'partial',
      powerCostUsd: '1008',
      realisedPnlUsd: '-950.5',
      // 3,600 − 1,008 − 0 − 950.50
      netUsd: '1641.5',
    });
  });

  it('counts a rig’s power only from its purchase date', () => {
    const [row] = monthlyPnl({
      asOfDate: '2026-10-31',
      months: 1,
      revenueHistory: [],
      historyUntilMs: Date.parse('2026-11-01T00:00:00Z'),
      rigs: [
        { ...RIG, purchasedAt: '2026-10-22' },
        { ...RIG, id: 'rig-2', status: 'retired' },
      ],
      settings: { electricityPerKwh: '0.08' },
      loans: [],
      realisedPnl: [],
    });
    expect(row!.powerCostUsd).toBe('672');
  });
});

describe('funding in the realised PnL (docs/formulas-positions.md "Funding")', () => {
  it('adds each month’s funding payments, by UTC date, to the realised PnL and the net', () => {
    const rows = monthlyPnl({
      asOfDate: '2026-10-31',
      months: 2,
      revenueHistory: hourly('2026-09-01T00:00:00Z', 61 * 24, '240'),
      historyUntilMs: Date.parse('2026-11-01T00:00:00Z'),
      rigs: [],
      settings: { electricityPerKwh: '0.08' },
      loans: [],
      realisedPnl: [{ date: '2026-10-05', amountUsd: '100' }],
      fundingPayments: [
        { at: '2026-09-30T16:00:00.000Z', amountUsd: '-6.12' },
        { at: '2026-10-01T00:00:00.000Z', amountUsd: '4.5' },
        { at: '2026-10-31T16:00:00.000Z', amountUsd: '1.255' },
        // No price was known: its dollars are unknown, not zero-valued nonsense.
        { at: '2026-10-02T00:00:00.000Z', amountUsd: null },
        { at: '2026-11-01T00:00:00.000Z', amountUsd: '999' },
      ],
    });
    expect(rows[0]).toMatchObject({ fundingUsd: '-6.12', realisedPnlUsd: '-6.12' });
    // 30 days × 240 = 7,200 revenue; realised 100 + 4.5 + 1.255 → 105.76 (to the cent).
    expect(rows[1]).toMatchObject({
      fundingUsd: '5.76',
      realisedPnlUsd: '105.76',
      netUsd: '7545.76',
    });
  });
});

describe('a month’s revenue and power cost cover the same days', () => {
  it('reads the power cost recorded with the revenue (revenue − profit) over the same hours', () => {
    // November: 6 days on record at $500/day revenue and $380/day profit → $120/day power.
    const [november] = monthlyPnl({
      asOfDate: '2026-11-30',
      months: 1,
      revenueHistory: hourly('2026-11-24T00:00:00Z', 6 * 24, '500'),
      profitHistory: hourly('2026-11-24T00:00:00Z', 6 * 24, '380'),
      historyUntilMs: Date.parse('2026-12-01T00:00:00Z'),
      // Whatever the rigs look like now, the recorded figures decide.
      rigs: [{ ...RIG, quantity: 1000 }],
      settings: { electricityPerKwh: '0.08' },
      loans: [],
      realisedPnl: [],
    });
    expect(november).toMatchObject({
      miningRevenueUsd: '3000',
      revenueCoverageDays: '6',
      powerCostUsd: '720',
      netUsd: '2280',
    });
  });

  it('counts a rig without a purchase date from the day it was entered', () => {
    const [october] = monthlyPnl({
      asOfDate: '2026-10-31',
      months: 1,
      revenueHistory: [],
      historyUntilMs: Date.parse('2026-11-01T00:00:00Z'),
      rigs: [{ ...RIG, enteredAt: '2026-10-22' }],
      settings: { electricityPerKwh: '0.08' },
      loans: [],
      realisedPnl: [],
    });
    // 10 days (22 → 31) × $67.20.
    expect(october!.powerCostUsd).toBe('672');
  });
});

describe('closed months stay closed', () => {
  const TODAY = '2026-12-02';
  const base = {
    asOfDate: TODAY,
    months: 4,
    revenueHistory: hourly('2026-11-10T00:00:00Z', 22 * 24, '900'),
    profitHistory: hourly('2026-11-10T00:00:00Z', 22 * 24, '650'),
    historyUntilMs: Date.parse(`${TODAY}T12:00:00Z`),
    settings: { electricityPerKwh: '0.08' },
  };
  const rigToday = fc.record({
    powerWatts: fc.integer({ min: 0, max: 10_000 }).map(String),
    quantity: fc.integer({ min: 1, max: 500 }),
    dated: fc.constantFrom('purchasedAt', 'enteredAt'),
  });

  it('keeps every closed month’s figures when rigs, loans and results of today are added', () => {
    fc.assert(
      fc.property(
        fc.array(rigToday, { maxLength: 5 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (rigs, principal, realised) => {
          const before = monthlyPnl({
            ...base,
            rigs: [{ ...RIG, purchasedAt: '2026-06-01' }],
            loans: [BIG_LOAN],
            realisedPnl: [{ date: '2026-10-03', amountUsd: '125' }],
          });
          const after = monthlyPnl({
            ...base,
            rigs: [
              { ...RIG, purchasedAt: '2026-06-01' },
              ...rigs.map((r, i) => ({
                ...RIG,
                id: `rig-new-${i}`,
                powerWatts: r.powerWatts,
                quantity: r.quantity,
                [r.dated]: TODAY,
              })),
            ],
            loans: [
              BIG_LOAN,
              { ...BIG_LOAN, id: 'loan-new', principal: String(principal), startDate: TODAY },
            ],
            realisedPnl: [
              { date: '2026-10-03', amountUsd: '125' },
              { date: TODAY, amountUsd: String(realised) },
            ],
          });
          expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
        },
      ),
      { numRuns: 60 },
    );
  });
});
