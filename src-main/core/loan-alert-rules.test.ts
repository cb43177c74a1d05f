import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Loan } from '#api/records';
import type { PriceEntry } from '#api/snapshot';
import { evaluateAlertRules } from './alert-rules';
import { buildSnapshot } from './snapshot';
import { sampleLoan } from './test-fixtures/sample-records';

// Loan alerts: a margin call states its cure deadline and escalates as it nears; payments
// fall due, go overdue, and after maturity the whole balance is due (critical); an
// unsecured loan raises payment alerts but no LTV alert.

function price(usd: string, at: Date): PriceEntry {
  return {
    usd,
    source: 'manual',
    at: at.toISOString(),
    stale: false,
    manual: true,
    disputed: false,
    ageSec: 0,
  };
}

function rules(loan: Loan, asOf: Date, btc: string, raisedAt: [string, string][] = []) {
  const snapshot = buildSnapshot({
    asOf,
    offline: true,
    settings: DEFAULT_SETTINGS,
    rigs: [],
    loans: [loan],
    positions: [],
    prices: { BTC: price(btc, asOf) },
    network: {},
    rigLive: {},
    alerts: [],
    notices: [],
    scenario: null,
  });
  return evaluateAlertRules({
    snapshot,
    settings: DEFAULT_SETTINGS,
    activeLevels: new Map(),
    activeRaisedAt: new Map(raisedAt),
    rigOfflineSince: {},
    rigMedianHs: {},
  }).conditions;
}

describe('cure deadline', () => {
  // $500,000 at 0 % on 10 BTC; margin call at 70 % LTV = BTC $71,428.57; Strike gives 24 h.
  const loan = sampleLoan({
    aprPct: '0',
    startDate: '2026-11-01',
    cureWindowHours: 24,
    preset: 'strike',
  });
  const key = 'loan.cure-deadline|loan-1';
  const start = '2026-11-24T08:00:00.000Z';
  const deadline = (hoursIn: number) =>
    rules(loan, new Date(Date.parse(start) + hoursIn * 3_600_000), '70000', [[key, start]]).find(
      (c) => c.rule === 'loan.cure-deadline',
    );

  it('states the deadline from when the margin call began, critical from the start', () => {
    const first = deadline(1);
    expect(first?.level).toBe(1);
    expect(first?.severity).toBe('critical');
    expect(first?.message).toMatch(/cure it by .*2026.*\(24 h window\)/);
    const ltv = rules(loan, new Date(Date.parse(start) + 3_600_000), '70000', [[key, start]]).find(
      (c) => c.rule === 'loan.ltv',
    );
    expect(ltv?.message).toMatch(/is in margin call.*Cure by/);
  });

  it('escalates with a quarter of the window left, and again once it has passed', () => {
    expect(deadline(17)?.level).toBe(1);
    expect(deadline(18)?.level).toBe(2);
    expect(deadline(24)?.level).toBe(3);
    expect(deadline(24)?.message).toMatch(/the lender may sell collateral now/);
  });

  it('is not raised without a cure window, nor above the margin-call LTV', () => {
    const noWindow = sampleLoan({ aprPct: '0', startDate: '2026-11-01' });
    expect(
      rules(noWindow, new Date(start), '70000').some((c) => c.rule === 'loan.cure-deadline'),
    ).toBe(false);
    expect(rules(loan, new Date(start), '80000').some((c) => c.rule === 'loan.cure-deadline')).toBe(
      false,
    );
  });
});

describe('payment due', () => {
  const loan = sampleLoan({ repayment: 'interest-only', startDate: '2026-01-01', termMonths: 3 });
  const due = (date: string, l: Loan = loan) =>
    rules(l, new Date(`${date}T12:00:00Z`), '100000').find((c) => c.rule === 'loan.payment-due');

  it('is info within 7 days, a warning when overdue, critical after maturity with the whole balance', () => {
    expect(due('2026-01-28')).toMatchObject({ level: 1, severity: 'info' });
    expect(due('2026-02-03')).toMatchObject({ level: 2, severity: 'warning' });
    const matured = due('2026-04-05');
    expect(matured).toMatchObject({ level: 3, severity: 'critical' });
    expect(matured?.message).toMatch(
      /matured on 2026-04-01: all of it, \$5\d\d,\d{3}\.\d\d, is due now/,
    );
  });

  it('an unsecured loan still raises payment alerts but never an LTV alert', () => {
    const unsecured = sampleLoan({ ...loan, collateral: [] });
    const conditions = rules(unsecured, new Date('2026-02-03T12:00:00Z'), '1');
    expect(conditions.map((c) => c.rule)).toEqual(['loan.payment-due']);
  });
});
