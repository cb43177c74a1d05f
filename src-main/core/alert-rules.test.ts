import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Loan, type Position } from '#api/records';
import type { PriceEntry, Snapshot } from '#api/snapshot';
import { alertKey, evaluateAlertRules } from './alert-rules';
import { levelWithHysteresis } from './alert-levels';
import { D, dec, decStr } from '#shared/decimal';
import { samplePosition } from './test-fixtures/sample-records';
import { buildSnapshot } from './snapshot';

// Boundary values for the rules of docs/formulas.md "Alerts": exactly at a threshold, one cent past it, and
// back inside the hysteresis margin.

const AS_OF = new Date('2026-11-24T12:00:00Z');

function price(usd: string, extra: Partial<PriceEntry> = {}): PriceEntry {
  return {
    usd,
    source: 'manual',
    at: AS_OF.toISOString(),
    stale: false,
    manual: true,
    disputed: false,
    ageSec: 0,
    ...extra,
  };
}

// docs/formulas-positions.md: long 1 BTC at 60,000, isolated WB 6,000, MMR 0.005, cum 50 → LP 54,221.1055…
const LONG: Position = samplePosition({ account: 'Main' });
const LP = new D(6000 + 50 - 60000).div(new D('0.005').minus(1));

const LOAN: Loan = {
  id: 'loan-1',
  lender: 'Northwind',
  principal: '500000',
  currency: 'USD',
  aprPct: '0',
  dayCount: 365,
  startDate: '2026-11-01',
  termMonths: 12,
  repayment: 'bullet',
  collateral: [{ asset: 'BTC', amount: '10' }],
  marginCallLtvPct: '70',
  liquidationLtvPct: '80',
  payments: [],
};

function snapshotAt(
  btc: PriceEntry,
  records: { positions?: Position[]; loans?: Loan[] },
): Snapshot {
  return buildSnapshot({
    asOf: AS_OF,
    offline: true,
    settings: DEFAULT_SETTINGS,
    rigs: [],
    loans: records.loans ?? [],
    positions: records.positions ?? [],
    prices: { BTC: btc },
    network: {},
    rigLive: {},
    alerts: [],
    notices: [],
    scenario: null,
  });
}

function rulesAt(
  usd: string,
  records: { positions?: Position[]; loans?: Loan[] },
  active: [string, number][] = [],
  extra: Partial<PriceEntry> = {},
) {
  return evaluateAlertRules({
    snapshot: snapshotAt(price(usd, extra), records),
    settings: DEFAULT_SETTINGS,
    activeLevels: new Map(active),
    rigOfflineSince: {},
    rigMedianHs: {},
  });
}

/** The mark price at which a long is exactly `pct` % from its liquidation price. */
function markAtDistance(pct: string): string {
  return decStr(LP.div(D.sub(1, dec(pct).div(100))), 2);
}

describe('position near liquidation', () => {
  const key = alertKey('position.liquidation', 'pos-1');
  const severity = (usd: string, active: [string, number][] = []) =>
    rulesAt(usd, { positions: [LONG] }, active).conditions.find(
      (c) => c.rule === 'position.liquidation',
    )?.severity ?? null;

  it('warns from 10 % and not one cent before', () => {
    const boundary = dec(markAtDistance('10'));
    expect(severity(decStr(boundary.minus('0.01')))).toBe('warning');
    expect(severity(decStr(boundary.plus('0.01')))).toBeNull();
  });

  it('is critical from 5 % and breached past the liquidation price', () => {
    const boundary = dec(markAtDistance('5'));
    expect(severity(decStr(boundary.minus('0.01')))).toBe('critical');
    expect(severity(decStr(boundary.plus('0.01')))).toBe('warning');
    const breached = rulesAt(decStr(LP.minus('0.01'), 2), { positions: [LONG] }).conditions[0];
    expect(breached?.level).toBe(3);
    expect(breached?.message).toMatch(/past its liquidation at \$54,221\.11/);
  });

  it('holds a warning inside the 1-point margin and clears past it', () => {
    expect(severity(markAtDistance('10.9'), [[key, 1]])).toBe('warning');
    expect(severity(markAtDistance('11.1'), [[key, 1]])).toBeNull();
  });

  it('is held, not judged, on a stale or disputed price', () => {
    for (const flag of [
      { stale: true, manual: false },
      { disputed: true, manual: false },
    ]) {
      const outcome = rulesAt('50000', { positions: [LONG] }, [], flag);
      expect(outcome.conditions.filter((c) => c.rule === 'position.liquidation')).toEqual([]);
      expect(outcome.held.has(key)).toBe(true);
    }
  });

  it('warns when the stop-loss sits beyond the liquidation price', () => {
    const outcome = rulesAt('60000', { positions: [{ ...LONG, stopLoss: '54000' }] });
    const stop = outcome.conditions.find((c) => c.rule === 'position.stop-past-liquidation');
    expect(stop?.message).toMatch(
      /stop-loss at \$54,000\.00, beyond its liquidation price \$54,221\.11/,
    );
  });
});

describe('positions that cannot exist, and hedge-mode legs', () => {
  // Isolated long 1 BTC at 60,000 with only 200 USDT of margin: LP = (200 + 50 − 60,000) /
  // (0.005 − 1) = 60,050.25, above the entry (Binance USDⓈ-M FAQ formula) — a typing slip.
  const SLIP: Position = samplePosition({ account: 'Main', walletBalance: '200' });

  it('a long liquidating above its entry raises nothing, not even at 0.1 % from its price', () => {
    const outcome = rulesAt('60100', { positions: [SLIP] }, [
      [alertKey('position.liquidation', 'pos-1'), 2],
    ]);
    expect(outcome.conditions).toEqual([]);
    // Not held either: an alert raised before the slip was spotted clears.
    expect(outcome.held.has(alertKey('position.liquidation', 'pos-1'))).toBe(false);
  });

  it('a net-long cross account’s short leg raises nothing on a rise, and both legs warn on a fall', () => {
    // Hedge mode, cross WB 10,000: LONG 2 BTC at 60,000 and SHORT 1 BTC at 62,000, MMR 0.005,
    // cum 50 each → one liquidation price (10,000 + 100 − 120,000 + 62,000) / (0.015 − 1) = 48,629.44.
    const legs = {
      account: 'Main',
      marginMode: 'cross' as const,
      walletBalance: '10000',
    };
    const long = samplePosition({ ...legs, id: 'long', size: '2' });
    const short = samplePosition({ ...legs, id: 'short', side: 'short', entryPrice: '62000' });
    const rising = rulesAt('90000', { positions: [long, short] });
    expect(rising.conditions.filter((c) => c.rule === 'position.liquidation')).toEqual([]);
    const falling = rulesAt('51000', { positions: [long, short] });
    const messages = falling.conditions
      .filter((c) => c.rule === 'position.liquidation')
      .map((c) => `${c.subjectId}: ${c.message}`);
    expect(messages).toEqual([
      'long: BTCUSDT long on Main (Binance) is 4.65 % from liquidation at $48,629.44 (mark $51,000.00, shared by its hedge-mode legs). Computed with BTC at the manual price of $51,000.00.',
      'short: BTCUSDT short on Main (Binance) is 4.65 % from liquidation at $48,629.44 (mark $51,000.00, shared by its hedge-mode legs). Computed with BTC at the manual price of $51,000.00.',
    ]);
  });
});

describe('cross margin with another position on a stale price', () => {
  // Binance USDⓈ-M cross: LP = (WB − TMM + UPNL + cum − s·Q·EP) / (Q·MMR − s·Q), where TMM and
  // UPNL belong to the *other* positions of the wallet (Binance FAQ "How to Calculate
  // Liquidation Price of USDⓈ-M Futures"). With the ETH short at its entry: TMM 150, UPNL 0 →
  // BTC LP = (10,000 − 150 + 50 − 60,000) / −0.995 = 50,351.76; at a BTC mark of 52,000 that
  // is 3.17 % away — critical, if the ETH price can be trusted.
  const btcLong = samplePosition({
    id: 'btc',
    marginMode: 'cross',
    walletBalance: '10000',
    stopLoss: '50000',
  });
  const ethShort = samplePosition({
    id: 'eth',
    symbol: 'ETHUSDT',
    baseAsset: 'ETH',
    side: 'short',
    size: '10',
    entryPrice: '3000',
    marginMode: 'cross',
    walletBalance: '10000',
    maintenanceAmount: '0',
  });
  const rulesWithEth = (eth: PriceEntry) =>
    evaluateAlertRules({
      snapshot: buildSnapshot({
        asOf: AS_OF,
        offline: true,
        settings: DEFAULT_SETTINGS,
        rigs: [],
        loans: [],
        positions: [btcLong, ethShort],
        prices: { BTC: price('52000'), ETH: eth },
        network: {},
        rigLive: {},
        alerts: [],
        notices: [],
        scenario: null,
      }),
      settings: DEFAULT_SETTINGS,
      activeLevels: new Map(),
      rigOfflineSince: {},
      rigMedianHs: {},
    });
  const btcAlerts = (outcome: ReturnType<typeof evaluateAlertRules>) =>
    outcome.conditions.filter((c) => c.subjectId === 'btc').map((c) => c.rule);

  it('is critical for the BTC long when the ETH price is fresh', () => {
    const outcome = rulesWithEth(price('3000'));
    const liquidation = outcome.conditions.find(
      (c) => c.rule === 'position.liquidation' && c.subjectId === 'btc',
    );
    expect(liquidation?.severity).toBe('critical');
    expect(liquidation?.message).toMatch(/liquidation at \$50,351\.76/);
    expect(btcAlerts(outcome)).toContain('position.stop-past-liquidation');
  });

  it('raises no liquidation or stop alert on the BTC long while the ETH price is stale or disputed', () => {
    for (const flag of [
      { stale: true, manual: false },
      { disputed: true, manual: false },
    ]) {
      const outcome = rulesWithEth(price('3000', flag));
      expect(btcAlerts(outcome)).toEqual([]);
      expect(outcome.held.has(alertKey('position.liquidation', 'btc'))).toBe(true);
      expect(outcome.held.has(alertKey('position.stop-past-liquidation', 'btc'))).toBe(true);
    }
  });

  it('shows the BTC long as unknown, not safe, when the ETH position has no price', () => {
    const snapshot = buildSnapshot({
      asOf: AS_OF,
      offline: true,
      settings: DEFAULT_SETTINGS,
      rigs: [],
      loans: [],
      positions: [btcLong, ethShort],
      prices: { BTC: price('52000') },
      network: {},
      rigLive: {},
      alerts: [],
      notices: [],
      scenario: null,
    });
    expect(snapshot.positions[0]).toMatchObject({ liquidationPrice: null, status: 'unknown' });
  });
});

describe('loan LTV', () => {
  // $500,000 on 10 BTC: LTV = 50,000 / price × 100; 70 % at $71,428.57…, 80 % at $62,500.
  const ltvAt = (usd: string, active: [string, number][] = []) =>
    rulesAt(usd, { loans: [LOAN] }, active).conditions.find((c) => c.rule === 'loan.ltv');

  it('is in margin call at exactly 70 % and watched one cent above that price', () => {
    expect(ltvAt('71428.57')?.level).toBe(2);
    expect(ltvAt('71428.58')?.level).toBe(1);
    expect(ltvAt('71428.57')?.message).toMatch(/margin call at 70 %, BTC price \$71,428\.57/);
  });

  it('reaches liquidation at exactly 80 %', () => {
    expect(ltvAt('62500')?.level).toBe(3);
    expect(ltvAt('62500.01')?.level).toBe(2);
  });

  it('is watched from 65 % and clears only below 64 % once raised', () => {
    const at65 = decStr(new D(50000).div('0.65'), 2); // 76,923.08 → LTV 64.99… (just under)
    expect(ltvAt(at65)).toBeUndefined();
    expect(ltvAt('76923.07')?.level).toBe(1);
    const key = alertKey('loan.ltv', 'loan-1');
    expect(ltvAt('77500', [[key, 1]])?.level).toBe(1); // 64.5 %: inside the margin
    expect(ltvAt('78200', [[key, 1]])).toBeUndefined(); // 63.9 %: past it
  });
});

describe('levelWithHysteresis', () => {
  const levels = [
    { level: 1, severity: 'warning' as const, threshold: dec('10') },
    { level: 2, severity: 'critical' as const, threshold: dec('5') },
  ];
  it('steps down one level at a time as the value recovers', () => {
    expect(levelWithHysteresis(dec('5.9'), levels, 'lower', 2, dec('1'))).toBe(2);
    expect(levelWithHysteresis(dec('6.1'), levels, 'lower', 2, dec('1'))).toBe(1);
    expect(levelWithHysteresis(dec('11.1'), levels, 'lower', 2, dec('1'))).toBe(0);
  });
});

describe('farm and payments', () => {
  it('says when a payment falls due within 7 days and when it is overdue', () => {
    const loan: Loan = {
      ...LOAN,
      repayment: 'interest-only',
      aprPct: '12',
      startDate: '2026-10-30',
    };
    const due = rulesAt('90000', { loans: [loan] }).conditions.find(
      (c) => c.rule === 'loan.payment-due',
    );
    expect(due?.severity).toBe('info');
    expect(due?.message).toMatch(/due on 2026-11-30 \(in 6 days\)/);
  });
});

describe('a price one source alone moved more than 30 %', () => {
  const lone: Partial<PriceEntry> = {
    manual: false,
    source: 'mempool',
    singleSource: true,
    multiSourceUsd: '90000',
  };

  it('holds liquidation and margin-call alerts and says why in a price alert', () => {
    const outcome = rulesAt('60000', { positions: [LONG], loans: [LOAN] }, [], lone);
    expect(
      outcome.conditions.filter((c) => c.rule === 'position.liquidation' || c.rule === 'loan.ltv'),
    ).toEqual([]);
    expect(outcome.held.has(alertKey('position.liquidation', 'pos-1'))).toBe(true);
    expect(outcome.held.has(alertKey('loan.ltv', 'loan-1'))).toBe(true);
    expect(outcome.conditions.find((c) => c.rule === 'price.single-source')).toEqual({
      rule: 'price.single-source',
      subjectKind: 'price',
      subjectId: 'BTC',
      level: 1,
      severity: 'warning',
      value: '60000',
      threshold: '30',
      message:
        'Only mempool is quoting BTC: $60,000.00, 33.3 % away from $90,000.00, the last price two or more sources agreed on. Liquidation and margin-call alerts for BTC are held until a second source agrees or you set a manual BTC price.',
    });
  });

  it('is judged as usual once the operator sets the price by hand', () => {
    const outcome = rulesAt('60000', { positions: [LONG], loans: [LOAN] });
    expect(outcome.conditions.find((c) => c.rule === 'loan.ltv')?.level).toBe(3);
    expect(outcome.conditions.some((c) => c.rule === 'price.single-source')).toBe(false);
  });
});
