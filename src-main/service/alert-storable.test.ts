import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#api/records';
import { alertKey, type AlertCondition } from '#core/alert-rules';
import { buildSnapshot } from '#core/snapshot';
import { sampleRig } from '#core/test-fixtures/sample-records';
import { storableOnly } from './alert-storable';

// A condition the store would refuse becomes a critical alerts.degraded for its subject,
// and the other conditions go through untouched.

const snapshot = buildSnapshot({
  asOf: new Date('2026-11-24T12:00:00Z'),
  offline: true,
  settings: DEFAULT_SETTINGS,
  rigs: [sampleRig({ id: 'rig-1', name: 'Container A' })],
  loans: [],
  positions: [],
  prices: {},
  network: {},
  rigLive: {},
  alerts: [],
  notices: [],
  scenario: null,
});

const good: AlertCondition = {
  rule: 'position.liquidation',
  subjectKind: 'position',
  subjectId: 'pos-1',
  level: 2,
  severity: 'critical',
  value: '3.2',
  threshold: '5',
  message: 'BTCUSDT long is 3.2 % from liquidation.',
};

describe('conditions checked before they are stored', () => {
  it('replaces one unstorable condition by alerts.degraded and keeps the rest', () => {
    const unstorable: AlertCondition = {
      rule: 'rig.hashrate-drop',
      subjectKind: 'rig',
      subjectId: 'rig-1',
      level: 1,
      severity: 'warning',
      value: '9'.repeat(500),
      threshold: '80',
      message: 'Container A runs slow.',
    };
    const logged: string[] = [];
    const outcome = storableOnly(
      { conditions: [good, unstorable], held: new Set(), failures: [] },
      snapshot,
      (line) => logged.push(line),
    );

    expect(outcome.conditions).toContainEqual(good);
    const degraded = outcome.conditions.find((c) => c.subjectId === 'rig-1');
    expect(degraded?.rule).toBe('alerts.degraded');
    expect(degraded?.severity).toBe('critical');
    expect(degraded?.message).toContain('Alerts for Container A cannot be worked out');
    expect(degraded?.message).toContain('Check its power draw, hash rate and quantity');
    expect(outcome.held.has(alertKey('rig.offline', 'rig-1'))).toBe(true);
    expect(logged.join('\n')).toContain('value: That figure is too large to store.');
  });
});
