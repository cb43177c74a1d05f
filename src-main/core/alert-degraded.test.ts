import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import { alertKey, evaluateAlertRules } from './alert-rules';
import { samplePosition } from './test-fixtures/sample-records';
import { buildSnapshot } from './snapshot';

// One subject whose figures cannot be judged holds its own alerts and raises a critical
// `alerts.degraded`; every other subject is judged as if nothing happened.

const AS_OF = new Date('2026-11-24T12:00:00Z');

function snapshotWithTwoPositions(): Snapshot {
  return buildSnapshot({
    asOf: AS_OF,
    offline: true,
    settings: DEFAULT_SETTINGS,
    rigs: [],
    loans: [],
    positions: [
      samplePosition({ id: 'pos-broken', account: 'Sub' }),
      samplePosition({ id: 'pos-ok', account: 'Main' }),
    ],
    prices: {
      BTC: {
        usd: '56000',
        source: 'manual',
        at: AS_OF.toISOString(),
        stale: false,
        manual: true,
        disputed: false,
        ageSec: 0,
      },
    },
    network: {},
    rigLive: {},
    alerts: [],
    notices: [],
    scenario: null,
  });
}

describe('a subject whose rules throw', () => {
  it('raises alerts.degraded for it and still judges every other subject', () => {
    const snapshot = snapshotWithTwoPositions();
    const broken = snapshot.positions.find((p) => p.id === 'pos-broken')!;
    broken.distanceToLiquidationPct = 'not a number';

    const outcome = evaluateAlertRules({
      snapshot,
      settings: DEFAULT_SETTINGS,
      activeLevels: new Map(),
      rigOfflineSince: {},
      rigMedianHs: {},
    });

    const ok = outcome.conditions.find((c) => c.subjectId === 'pos-ok');
    expect(ok).toMatchObject({ rule: 'position.liquidation', severity: 'critical' });
    const degraded = outcome.conditions.find((c) => c.subjectId === 'pos-broken');
    expect(degraded).toMatchObject({ rule: 'alerts.degraded', severity: 'critical' });
    expect(degraded?.message).toContain('BTCUSDT long on Sub (Binance)');
    expect(degraded?.message).toContain('not a decimal number');
    expect(degraded?.message).toMatch(/Check its size, entry price, leverage/);
    expect(outcome.held.has(alertKey('position.liquidation', 'pos-broken'))).toBe(true);
    expect(outcome.failures.map((f) => f.subjectId)).toEqual(['pos-broken']);
  });
});
