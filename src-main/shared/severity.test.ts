import { describe, expect, it } from 'vitest';
import { compareSeverityWorstFirst, worstSeverity, type Severity } from './severity';

describe('severity order', () => {
  it('sorts critical first, then warning, then info', () => {
    const list: Severity[] = ['info', 'critical', 'warning', 'info'];
    expect([...list].sort(compareSeverityWorstFirst)).toEqual([
      'critical',
      'warning',
      'info',
      'info',
    ]);
  });

  it('names the worst severity, or none without alerts', () => {
    expect(worstSeverity([{ severity: 'warning' }, { severity: 'info' }])).toBe('warning');
    expect(worstSeverity([{ severity: 'info' }, { severity: 'critical' }])).toBe('critical');
    expect(worstSeverity([])).toBeNull();
  });
});
