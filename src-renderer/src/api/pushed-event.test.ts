import { describe, expect, it } from 'vitest';
import { decodePushedEvent } from './pushed-event';

const alert = {
  id: 'a1',
  rule: 'price.stale',
  severity: 'warning',
  level: 1,
  subjectKind: 'price',
  subjectId: 'BTC',
  message: 'The BTC price is 10 min old.',
  value: '600',
  threshold: '300',
  raisedAt: '2025-11-24T17:00:00.000Z',
};

describe('pushed events', () => {
  it('accepts a whole event or just its payload', () => {
    expect(
      decodePushedEvent('alert', { type: 'alert', change: 'raised', alert, notify: true })?.type,
    ).toBe('alert');
    expect(decodePushedEvent('alert', { change: 'raised', alert, notify: true })?.type).toBe(
      'alert',
    );
  });

  it('drops a malformed event instead of handing it to the UI', () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      expect(decodePushedEvent('snapshot', { asOf: 'yesterday' })).toBeNull();
    } finally {
      console.error = original;
    }
  });
});
