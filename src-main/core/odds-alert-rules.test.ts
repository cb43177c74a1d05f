import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '#api/records';
import type { PriceEntry, Snapshot } from '#api/snapshot';
import { alertKey, evaluateAlertRules } from './alert-rules';
import { buildSnapshot } from './snapshot';
import { sampleLoan, samplePosition } from './test-fixtures/sample-records';

// docs/formulas-risk.md "Odds alert": risk.odds is off by default, warns once the 7-day
// odds pass the threshold, clears with hysteresis and is held on a stale price.

const AS_OF = new Date('2024-01-31T12:00:00Z');
const price = (usd: string, stale = false): PriceEntry => ({
  usd,
  source: 'median',
  at: AS_OF.toISOString(),
  stale,
  manual: false,
  disputed: false,
  ageSec: 0,
});
const ON: Settings = { ...DEFAULT_SETTINGS, risk: { ...DEFAULT_SETTINGS.risk, oddsAlert: true } };

function snapshotAt(btcUsd: string, settings: Settings, stale = false): Snapshot {
  return buildSnapshot({
    asOf: AS_OF,
    offline: true,
    settings,
    rigs: [],
    // $500,000 on 10 BTC at 12 %: at $80,000 the 7-day margin-call odds are 23.45 %.
    loans: [sampleLoan()],
    // Long 1 BTC at 60,000: liquidation at 54,221.11; at 80,000 it is 32 % away.
    positions: [samplePosition()],
    prices: { BTC: price(btcUsd, stale), USDT: price('1') },
    network: {},
    rigLive: {},
    alerts: [],
    notices: [],
    scenario: null,
    volatility: {},
  });
}

const oddsAlerts = (snapshot: Snapshot, settings: Settings, active = new Map<string, number>()) =>
  evaluateAlertRules({
    snapshot,
    settings,
    activeLevels: active,
    rigOfflineSince: {},
    rigMedianHs: {},
  });

describe('risk.odds', () => {
  it('is off by default', () => {
    const outcome = oddsAlerts(snapshotAt('80000', DEFAULT_SETTINGS), DEFAULT_SETTINGS);
    expect(outcome.conditions.filter((c) => c.rule === 'risk.odds')).toEqual([]);
  });

  it('warns when the 7-day odds of a margin call pass 10 %, saying the odds and the volatility', () => {
    const outcome = oddsAlerts(snapshotAt('80000', ON), ON);
    const [loan] = outcome.conditions.filter((c) => c.rule === 'risk.odds');
    expect(loan).toMatchObject({ subjectKind: 'loan', severity: 'warning', value: '23.45' });
    expect(loan?.message).toBe(
      'Loan from Ledn: within 7 days, 23.45 % of a margin call (at $72,133.07 today) and 0.53 % of a liquidation (at $63,116.44 today), with BTC at $80,000.00 (volatility 60 % a year, your default).',
    );
    // The position, 32 % from liquidation, stays well under 10 %.
    expect(outcome.conditions.some((c) => c.subjectKind === 'position')).toBe(false);
  });

  it('warns for a position whose liquidation is likely within the week', () => {
    const outcome = oddsAlerts(snapshotAt('58000', ON), ON);
    const position = outcome.conditions.find(
      (c) => c.rule === 'risk.odds' && c.subjectKind === 'position',
    );
    expect(position?.message).toMatch(
      /odds of reaching its liquidation price \$54,221\.11 within 7 days/,
    );
  });

  it('clears only once the odds are back below the threshold by the hysteresis margin', () => {
    const higherBar: Settings = { ...ON, risk: { ...ON.risk, oddsAlertPct: '23.9' } };
    const active = new Map([[alertKey('risk.odds', 'loan-1'), 1]]);
    const held = oddsAlerts(snapshotAt('80000', higherBar), higherBar, active);
    expect(held.conditions.some((c) => c.rule === 'risk.odds')).toBe(true);
    const fresh = oddsAlerts(snapshotAt('80000', higherBar), higherBar);
    expect(fresh.conditions.some((c) => c.rule === 'risk.odds')).toBe(false);
  });

  it('is held, never raised, on a stale price', () => {
    const outcome = oddsAlerts(snapshotAt('60000', ON, true), ON);
    expect(outcome.conditions.some((c) => c.rule === 'risk.odds')).toBe(false);
    expect(outcome.held.has(alertKey('risk.odds', 'loan-1'))).toBe(true);
  });
});
