import { describe, expect, it } from 'vitest';
import { ALERT_RULES } from './alert';
import { alertRuleLabel } from '#shared/alert-rule-labels';

describe('alert rule labels', () => {
  it('names every rule of the contract in words', () => {
    for (const rule of ALERT_RULES) expect(alertRuleLabel(rule)).not.toBe(rule);
    expect(alertRuleLabel('position.liquidation')).toBe('Position near liquidation');
  });

  it('shows an unknown rule id as it is', () => {
    expect(alertRuleLabel('pool.fee')).toBe('pool.fee');
  });
});
