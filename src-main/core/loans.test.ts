import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, decStr } from '#shared/decimal';
import {
  cureTargetLtvPct,
  healthFactor,
  loanBalance,
  loanCure,
  loanHealth,
  loanRisk,
  ltvPct,
  priceAtLtv,
  simpleInterest,
} from './loans';
import { sampleLoan } from './test-fixtures/sample-records';

describe('interest accrual', () => {
  it('worked example (docs/formulas-loans.md): $500,000 at 12 % APR for 30 days, ACT/365 → 4,931.51', () => {
    const loan = sampleLoan({ startDate: '2024-03-01', aprPct: '12', dayCount: 365 });
    const balance = loanBalance(loan, new Date('2024-03-31T18:00:00Z'));
    expect(decStr(balance.accruedInterest, 2)).toBe('4931.51');
    expect(decStr(balance.outstanding, 2)).toBe('504931.51');
  });

  it('ACT/360 as money-market lenders quote it: $100,000 at 10 % for 90 days → 2,500', () => {
    // Federal Reserve / ISDA ACT/360: interest = principal × rate × days / 360.
    expect(simpleInterest(dec('100000'), '10', 90, 360).toFixed()).toBe('2500');
  });

  it('a payment pays accrued interest first, then principal', () => {
    const loan = sampleLoan({
      principal: '120000',
      aprPct: '12',
      dayCount: 360,
      startDate: '2024-01-01',
      payments: [{ date: '2024-01-31', amount: '5000' }],
    });
    // 30 days: 1,200 interest; the 5,000 payment clears it and 3,800 of principal.
    const afterPayment = loanBalance(loan, new Date('2024-01-31T00:00:00Z'));
    expect(afterPayment.accruedInterest.toFixed()).toBe('0');
    expect(afterPayment.principalBalance.toFixed()).toBe('116200');
    // 30 more days (to 1 March in a leap year) on the lower balance: 1,162.
    const later = loanBalance(loan, new Date('2024-03-01T00:00:00Z'));
    expect(later.outstanding.toFixed()).toBe('117362');
  });

  it('a payment smaller than the interest leaves principal untouched', () => {
    const loan = sampleLoan({
      principal: '120000',
      dayCount: 360,
      startDate: '2024-01-01',
      payments: [{ date: '2024-01-31', amount: '200' }],
    });
    const balance = loanBalance(loan, new Date('2024-01-31T00:00:00Z'));
    expect(balance.principalBalance.toFixed()).toBe('120000');
    expect(balance.accruedInterest.toFixed()).toBe('1000');
  });

  it('ignores payments dated after asOf, and accrues nothing before the start', () => {
    const loan = sampleLoan({ payments: [{ date: '2024-06-01', amount: '100000' }] });
    expect(loanBalance(loan, new Date('2024-05-31T23:00:00Z')).paidTotal.toFixed()).toBe('0');
    expect(loanBalance(loan, new Date('2023-12-01T00:00:00Z')).outstanding.toFixed()).toBe(
      '500000',
    );
  });
});

describe('collateral', () => {
  it('worked example (docs/formulas-loans.md): $500,000 on 10 BTC → margin call at 70 % = 71,428.57; liquidation at 80 % = 62,500', () => {
    expect(
      decStr(
        priceAtLtv({
          outstanding: dec('500000'),
          collateralAmount: dec('10'),
          thresholdLtvPct: '70',
        })!,
        2,
      ),
    ).toBe('71428.57');
    expect(
      priceAtLtv({
        outstanding: dec('500000'),
        collateralAmount: dec('10'),
        thresholdLtvPct: '80',
      })?.toFixed(),
    ).toBe('62500');
  });

  it('no debt or no collateral → no trigger price', () => {
    expect(
      priceAtLtv({ outstanding: dec(0), collateralAmount: dec('10'), thresholdLtvPct: '70' }),
    ).toBeNull();
    expect(
      priceAtLtv({ outstanding: dec('1'), collateralAmount: dec(0), thresholdLtvPct: '70' }),
    ).toBeNull();
  });

  it('LTV % = outstanding / collateral value × 100', () => {
    expect(ltvPct(dec('500000'), dec('1000000'))?.toFixed()).toBe('50');
    expect(ltvPct(dec('500000'), dec(0))).toBeNull();
  });

  it('worked example (docs/formulas-loans.md): LTV 50 % with liquidation LTV 80 % → health factor 1.6', () => {
    expect(
      healthFactor({
        outstanding: dec('500000'),
        collateralValueUsd: dec('1000000'),
        liquidationLtvPct: '80',
      })?.toFixed(),
    ).toBe('1.6');
  });

  it('Aave V3 docs: HF = collateral × liquidation threshold / debt (10,000 USD at 82.5 % against 5,000 → 1.65)', () => {
    expect(
      healthFactor({
        outstanding: dec('5000'),
        collateralValueUsd: dec('10000'),
        liquidationLtvPct: '82.5',
      })?.toFixed(),
    ).toBe('1.65');
    expect(
      healthFactor({
        outstanding: dec(0),
        collateralValueUsd: dec('10000'),
        liquidationLtvPct: '82.5',
      }),
    ).toBeNull();
  });

  it('adding collateral never lowers the health factor (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 200_000 }),
        (debt, amount, added, price) => {
          const loan = sampleLoan({ collateralAmount: String(amount) });
          const more = sampleLoan({ collateralAmount: String(amount + added) });
          const before = loanRisk(loan, dec(debt), dec(price), '5').healthFactor!;
          const after = loanRisk(more, dec(debt), dec(price), '5').healthFactor!;
          expect(after.gte(before)).toBe(true);
        },
      ),
    );
  });
});

describe('health bands', () => {
  const loan = sampleLoan({ marginCallLtvPct: '70', liquidationLtvPct: '80' });
  it.each([
    ['50', 'healthy'],
    ['64.99', 'healthy'],
    ['65', 'watch'],
    ['70', 'margin-call'],
    ['79.9', 'margin-call'],
    ['80', 'liquidation'],
  ])('LTV %s %% is %s (watch within 5 points of the margin call)', (ltv, band) => {
    expect(
      loanHealth({
        ltv: dec(ltv),
        outstanding: dec('1'),
        collateralValueUsd: dec('1'),
        loan,
        watchPoints: '5',
      }),
    ).toBe(band);
  });

  it('is unknown without a price, healthy without debt, liquidation on worthless collateral', () => {
    expect(
      loanHealth({
        ltv: null,
        outstanding: dec('1'),
        collateralValueUsd: null,
        loan,
        watchPoints: '5',
      }),
    ).toBe('unknown');
    expect(
      loanHealth({
        ltv: dec(0),
        outstanding: dec(0),
        collateralValueUsd: dec('100'),
        loan,
        watchPoints: '5',
      }),
    ).toBe('healthy');
    expect(
      loanHealth({
        ltv: null,
        outstanding: dec('1'),
        collateralValueUsd: dec(0),
        loan,
        watchPoints: '5',
      }),
    ).toBe('liquidation');
  });
});

describe('cure', () => {
  it('back to a 50 % target from $500,000 on 10 BTC at $65,000: add 5.3846 BTC or repay 175,000', () => {
    const cure = loanCure({
      outstanding: dec('500000'),
      collateralAmount: dec('10'),
      priceUsd: dec('65000'),
      targetLtvPct: dec('50'),
    })!;
    expect(decStr(cure.addCollateral, 4)).toBe('5.3846');
    expect(cure.repay.toFixed()).toBe('175000');
  });

  it('is offered only in margin call or worse', () => {
    const loan = sampleLoan({ targetLtvPct: '50' });
    expect(loanRisk(loan, dec('500000'), dec('80000'), '5').cure).toBeNull();
    expect(loanRisk(loan, dec('500000'), dec('65000'), '5').cure?.repay.toFixed()).toBe('175000');
  });

  it('targets the initial LTV by default: known for USD collateral, else the bottom of the watch band', () => {
    const equipment = sampleLoan({ collateralAsset: 'USD', collateralAmount: '1000000' });
    expect(cureTargetLtvPct(equipment, '5').toFixed()).toBe('50');
    expect(cureTargetLtvPct(sampleLoan(), '5').toFixed()).toBe('65');
    expect(cureTargetLtvPct(sampleLoan(), '5', dec('100000')).toFixed()).toBe('50');
    expect(cureTargetLtvPct(sampleLoan({ targetLtvPct: '40' }), '5').toFixed()).toBe('40');
  });

  it('has no trigger prices for fixed-value USD collateral', () => {
    const equipment = sampleLoan({ collateralAsset: 'USD', collateralAmount: '1000000' });
    const risk = loanRisk(equipment, dec('500000'), dec(1), '5');
    expect(risk.ltvPct?.toFixed()).toBe('50');
    expect(risk.marginCallPrice).toBeNull();
    expect(risk.liquidationPrice).toBeNull();
  });
});
