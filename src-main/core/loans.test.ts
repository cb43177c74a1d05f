import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, decStr } from '#shared/decimal';
import type { Loan } from '#api/records';
import {
  collateralHoldings,
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
    expect(decStr(priceAtLtv(dec('500000'), dec('10'), '70')!, 2)).toBe('71428.57');
    expect(priceAtLtv(dec('500000'), dec('10'), '80')?.toFixed()).toBe('62500');
  });

  it('no debt or no collateral → no trigger price', () => {
    expect(priceAtLtv(dec(0), dec('10'), '70')).toBeNull();
    expect(priceAtLtv(dec('1'), dec(0), '70')).toBeNull();
  });

  it('LTV % = outstanding / collateral value × 100', () => {
    expect(ltvPct(dec('500000'), dec('1000000'))?.toFixed()).toBe('50');
    expect(ltvPct(dec('500000'), dec(0))).toBeNull();
  });

  it('worked example (docs/formulas-loans.md): LTV 50 % with liquidation LTV 80 % → health factor 1.6', () => {
    expect(healthFactor(dec('500000'), dec('1000000'), '80')?.toFixed()).toBe('1.6');
  });

  it('Aave V3 docs: HF = collateral × liquidation threshold / debt (10,000 USD at 82.5 % against 5,000 → 1.65)', () => {
    expect(healthFactor(dec('5000'), dec('10000'), '82.5')?.toFixed()).toBe('1.65');
    expect(healthFactor(dec(0), dec('10000'), '82.5')).toBeNull();
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
          const before = riskAt(loan, debt, { BTC: price }).healthFactor!;
          const after = riskAt(more, debt, { BTC: price }).healthFactor!;
          expect(after.gte(before)).toBe(true);
        },
      ),
    );
  });
});

/** Risk of a loan for a debt at the given USD prices (USD-like assets at 1 unless given). */
function riskAt(loan: Loan, debt: number | string, prices: Record<string, number | string>) {
  const holdings = collateralHoldings(loan.collateral, (asset) =>
    prices[asset] !== undefined
      ? dec(prices[asset])
      : ['USD', 'USDT', 'USDC'].includes(asset)
        ? dec(1)
        : null,
  );
  return loanRisk(loan, dec(debt), holdings, '5');
}

describe('health bands', () => {
  const loan = sampleLoan({ marginCallLtvPct: '70', liquidationLtvPct: '80' });
  const band = (ltv: string | null, outstanding: string, value: string | null) =>
    loanHealth({
      ltvPct: ltv === null ? null : dec(ltv),
      outstanding: dec(outstanding),
      collateralValueUsd: value === null ? null : dec(value),
      loan,
      watchPoints: '5',
    });
  it.each([
    ['50', 'healthy'],
    ['64.99', 'healthy'],
    ['65', 'watch'],
    ['70', 'margin-call'],
    ['79.9', 'margin-call'],
    ['80', 'liquidation'],
  ])('LTV %s %% is %s (watch within 5 points of the margin call)', (ltv, expected) => {
    expect(band(ltv, '1', '1')).toBe(expected);
  });

  it('is unknown without a price, healthy without debt, liquidation on worthless collateral', () => {
    expect(band(null, '1', null)).toBe('unknown');
    expect(band('0', '0', '100')).toBe('healthy');
    expect(band(null, '1', '0')).toBe('liquidation');
  });
});

describe('cure', () => {
  it('back to a 50 % target from $500,000 on 10 BTC at $65,000: add 5.3846 BTC or repay 175,000', () => {
    const cure = loanCure(
      dec('500000'),
      dec('650000'),
      { asset: 'BTC', priceUsd: dec('65000') },
      dec('50'),
    )!;
    expect(decStr(cure.addCollateral, 4)).toBe('5.3846');
    expect(cure.asset).toBe('BTC');
    expect(cure.repay.toFixed()).toBe('175000');
  });

  it('is offered only in margin call or worse', () => {
    const loan = sampleLoan({ targetLtvPct: '50' });
    expect(riskAt(loan, '500000', { BTC: '80000' }).cure).toBeNull();
    expect(riskAt(loan, '500000', { BTC: '65000' }).cure?.repay.toFixed()).toBe('175000');
  });

  it('targets the LTV at the start: $500,000 on 10 BTC bought at $100,000 → 50 %', () => {
    const started = sampleLoan({
      collateral: [{ asset: 'BTC', amount: '10', startPriceUsd: '100000' }],
    });
    expect(cureTargetLtvPct(started, '5')?.toFixed()).toBe('50');
    const equipment = sampleLoan({ collateralAsset: 'USD', collateralAmount: '1000000' });
    expect(cureTargetLtvPct(equipment, '5')?.toFixed()).toBe('50');
    // No start price known: the bottom of the watch band (70 − 5).
    expect(cureTargetLtvPct(sampleLoan(), '5')?.toFixed()).toBe('65');
    expect(cureTargetLtvPct(sampleLoan({ targetLtvPct: '40' }), '5')?.toFixed()).toBe('40');
    expect(cureTargetLtvPct(sampleLoan({ collateral: [] }), '5')).toBeNull();
  });

  it('has no trigger prices for fixed-value USD or stablecoin collateral', () => {
    for (const asset of ['USD', 'USDT', 'USDC']) {
      const loan = sampleLoan({ collateralAsset: asset, collateralAmount: '1000000' });
      const risk = riskAt(loan, '500000', {});
      expect(risk.ltvPct?.toFixed()).toBe('50');
      expect(risk.marginCallPrice).toBeNull();
      expect(risk.liquidationPrice).toBeNull();
      expect(risk.triggerAsset).toBeNull();
    }
  });

  it('a USDT depeg to $0.60 is a shock like any other: 1,000,000 USDT against 500,000 → LTV 83.33 %, liquidation', () => {
    const loan = sampleLoan({ collateralAsset: 'USDT', collateralAmount: '1000000' });
    const risk = riskAt(loan, '500000', { USDT: '0.6' });
    expect(decStr(risk.ltvPct!, 2)).toBe('83.33');
    expect(risk.health).toBe('liquidation');
  });
});

describe('several collateral assets and unsecured loans', () => {
  it('Aave health factor sums each asset: 10 BTC at $60,000 + 100 ETH at $3,000 against $500,000 at 80 % → HF 1.44', () => {
    // Aave "Health Factor": Σ collateral value × liquidation threshold ÷ total debt
    // = (600,000 + 300,000) × 0.8 ÷ 500,000 = 1.44.
    const loan = sampleLoan({
      collateral: [
        { asset: 'BTC', amount: '10' },
        { asset: 'ETH', amount: '100' },
      ],
    });
    const risk = riskAt(loan, '500000', { BTC: 60000, ETH: 3000 });
    expect(risk.healthFactor?.toFixed()).toBe('1.44');
    expect(decStr(risk.ltvPct!, 4)).toBe('55.5556');
    // BTC is the largest: its trigger, ETH held at $300,000: (500,000 / 0.7 − 300,000) / 10.
    expect(risk.triggerAsset).toBe('BTC');
    expect(decStr(risk.marginCallPrice!, 2)).toBe('41428.57');
    expect(risk.liquidationPrice?.toFixed()).toBe('32500');
  });

  it('no trigger price when the other collateral alone covers the band', () => {
    const loan = sampleLoan({
      collateral: [
        { asset: 'BTC', amount: '10' },
        { asset: 'USDC', amount: '1000000' },
      ],
    });
    const risk = riskAt(loan, '500000', { BTC: 60000 });
    expect(risk.triggerAsset).toBe('BTC');
    expect(risk.marginCallPrice).toBeNull();
  });

  it('an unsecured loan has no LTV, health factor, trigger or cure', () => {
    const risk = riskAt(sampleLoan({ collateral: [] }), '500000', { BTC: 60000 });
    expect(risk).toMatchObject({
      health: 'unsecured',
      ltvPct: null,
      healthFactor: null,
      marginCallPrice: null,
      cure: null,
    });
  });

  it('a multi-collateral loan with one asset equals the single-asset loan (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 200_000 }),
        (debt, amountCents, price) => {
          const amount = (amountCents / 100).toFixed(2);
          const single = sampleLoan({ collateralAsset: 'BTC', collateralAmount: amount });
          const list = sampleLoan({ collateral: [{ asset: 'BTC', amount }] });
          expect(riskAt(list, debt, { BTC: price })).toEqual(riskAt(single, debt, { BTC: price }));
          // And both give the one-asset formulas: outstanding / (amount × band).
          const mc = riskAt(list, debt, { BTC: price }).marginCallPrice;
          expect(mc?.toFixed()).toBe(priceAtLtv(dec(debt), dec(amount), '70')?.toFixed());
        },
      ),
    );
  });
});
