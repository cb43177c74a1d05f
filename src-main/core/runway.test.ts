import { describe, expect, it } from 'vitest';
import { D, dec } from '#shared/decimal';
import { type RunwayInput, runway } from './runway';
import { sampleLoan } from './test-fixtures/sample-records';

// docs/formulas-risk.md "Runway": months computed by hand, block by block.

function farm(
  overrides: Omit<Partial<RunwayInput>, 'btc'> & { btc?: Partial<RunwayInput['btc']> } = {},
) {
  const { btc, ...rest } = overrides;
  const input: RunwayInput = {
    asOf: new Date('2027-01-01T00:00:00.000Z'),
    months: 3,
    pricePathPctPerMonth: dec(0),
    difficulty: { perRetargetPct: dec(0), source: 'settings' },
    nextRetargetEstimate: null,
    btc: {
      priceUsd: dec(90_000),
      difficulty: dec('150000000000000'),
      blockReward: dec('3.125'),
      feesPerBlock: dec(0),
      // The tip closes a retarget period: block 1,008,000 opens the next one.
      height: 1_007_999,
      blockTimeSec: 600,
      coinsPerDay: dec('0.01'),
      ...btc,
    },
    otherCoinsRevenueUsdPerDay: dec(0),
    powerCostUsdPerDay: dec(500),
    loans: [],
    priceOf: () => dec(90_000),
    ...rest,
  };
  return runway(input);
}

describe('difficulty compounding per retarget', () => {
  // +10 % a retarget. January: 4,463 blocks after the tip (the block due at Feb 1 00:00 is
  // February's): 2,016 at D, 2,016 at 1.1 D and 431 at 1.21 D, each paying 0.01/144 BTC at D.
  const result = farm({ difficulty: { perRetargetPct: dec(10), source: 'history' } });
  it('January: (2016 + 2016/1.1 + 431/1.21) × 0.01/144 = 0.29200872 BTC', () => {
    expect(result.months[0]).toMatchObject({
      month: '2027-01',
      btcProduced: '0.29200872',
      revenueUsd: '26280.79',
      powerCostUsd: '15500',
      retargets: 2,
    });
  });
  it('February keeps compounding: 28 days at 1.21 D to 1.4641 D → 0.21659353 BTC', () => {
    expect(result.months[1]?.btcProduced).toBe('0.21659353');
  });
  it('states the next retarget and the halving it counts towards', () => {
    expect(result.assumptions).toMatchObject({
      difficultyPerRetargetPct: '10',
      source: 'history',
      halvingHeight: 1_050_000,
      blocksToHalving: 42_001,
      nextRetarget: { height: 1_010_016, estimatedChangePct: '10', source: 'history' },
    });
    // 2,017 blocks of 10 minutes after the tip.
    expect(result.assumptions.nextRetarget.date).toBe('2027-01-15T00:10:00.000Z');
  });
});

describe('the halving, to the block', () => {
  // The tip is 5,760 blocks (40 days) before block 1,050,000: it is due 2028-04-10 00:00.
  const result = farm({
    asOf: new Date('2028-03-01T00:00:00.000Z'),
    btc: { height: 1_044_240, coinsPerDay: dec(1) },
  });
  it('is dated from the height and the block time', () => {
    expect(result.assumptions.halvingDate).toBe('2028-04-10T00:00:00.000Z');
    expect(result.assumptions.daysToHalving).toBe('40');
  });
  it('April: 1,296 blocks at 3.125 BTC then 3,024 at 1.5625 → 9 + 10.5 = 19.5 BTC', () => {
    const [march, april, may] = result.months;
    expect(march?.btcProduced).toBe(new D(4463).div(144).toDecimalPlaces(8).toString());
    expect(april).toMatchObject({ month: '2028-04', btcProduced: '19.5', halving: true });
    // May earns half a full month: 31 × 144 blocks × 1/144 BTC at half the subsidy.
    expect(may).toMatchObject({ btcProduced: '15.5', halving: false });
  });
});

describe('loans along the runway', () => {
  // $120,000 interest-only at 12 % ACT/365 from 2027-01-01 on 2 BTC, margin call at 67.3 %.
  const loan = sampleLoan({
    principal: '120000',
    repayment: 'interest-only',
    startDate: '2027-01-01',
    termMonths: 12,
    collateral: [{ asset: 'BTC', amount: '2' }],
    marginCallLtvPct: '67.3',
    liquidationLtvPct: '80',
  });
  const result = farm({
    difficulty: { perRetargetPct: dec(10), source: 'history' },
    loans: [loan],
  });
  it('bills January’s interest on Feb 1: 120,000 × 12 % × 31/365 = 1,223.01', () => {
    expect(result.months[0]).toMatchObject({ interestUsd: '0', netUsd: '10780.79' });
    expect(result.months[1]).toMatchObject({
      interestUsd: '1223.01',
      principalDueUsd: '0',
      powerCostUsd: '14000',
      netUsd: '4270.41',
    });
  });
  it('tracks the LTV with interest accrued to each month’s end and names the margin-call month', () => {
    // Jan 31: 120,000 + 30 days of interest = 121,183.56 on $180,000 → 67.32 %.
    expect(result.months[0]?.loans).toEqual([{ id: 'loan-1', ltvPct: '67.32' }]);
    // Feb 28 (interest paid Feb 1): 120,000 + 27 days → 67.26 %.
    expect(result.months[1]?.loans).toEqual([{ id: 'loan-1', ltvPct: '67.26' }]);
    expect(result.marginCallFrom).toEqual([{ loanId: 'loan-1', lender: 'Ledn', month: '2027-01' }]);
  });
  it('a falling price path moves the collateral and the revenue', () => {
    const falling = farm({ pricePathPctPerMonth: dec(-10), loans: [loan] });
    expect(falling.months[1]).toMatchObject({ btcPriceUsd: '81000' });
    // Feb 28: 120,000 + 27 days of interest on 2 × 81,000.
    expect(falling.months[1]?.loans[0]?.ltvPct).toBe('74.73');
  });
  it('asked again, the same loan gives the same months; a payment or another day changes them', () => {
    // The schedule part is kept with the loan record (runway-loans.ts): it must never
    // outlive a change to the record or to the day.
    const again = (over: Partial<RunwayInput>) =>
      farm({ difficulty: { perRetargetPct: dec(10), source: 'history' }, loans: [loan], ...over });
    expect(again({}).months).toEqual(result.months);
    const paid = { ...loan, payments: [{ id: 'p1', date: '2027-01-01', amount: '20000' }] };
    const afterPayment = again({ loans: [paid] });
    // $100,000 + 30 days of interest on $180,000 → 56.10 %.
    expect(afterPayment.months[0]?.loans[0]?.ltvPct).toBe('56.1');
    // Another day, asked of the same record, reads as a record seen for the first time.
    for (const day of ['2027-01-15', '2027-02-01', '2027-02-02', '2027-03-31']) {
      const asOf = new Date(`${day}T00:00:00.000Z`);
      const kept = again({ asOf });
      expect(kept.months[0]?.from).toBe(day);
      expect(kept.months).toEqual(again({ asOf, loans: [{ ...loan }] }).months);
    }
    expect(again({}).months).toEqual(result.months);
  });
  it('says from which month the cash turns negative', () => {
    const dear = farm({ powerCostUsdPerDay: dec(900) });
    expect(dear.cashNegativeFrom).toBe('2027-01');
    expect(farm().cashNegativeFrom).toBeNull();
  });
});
