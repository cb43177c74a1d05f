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

  it('drops a malformed event instead of handing it to the UI, and says what is wrong', () => {
    const original = console.error;
    const said: unknown[] = [];
    console.error = (message: unknown) => said.push(message);
    try {
      expect(decodePushedEvent('snapshot', { asOf: 'yesterday' })).toBeNull();
      expect(
        decodePushedEvent('alert', {
          change: 'raised',
          alert: { ...alert, level: 12 },
          notify: true,
        }),
      ).toBeNull();
    } finally {
      console.error = original;
    }
    expect(said).toEqual([
      'RigLedger: ignored a malformed "snapshot" event: the event.version is missing.',
      'RigLedger: ignored a malformed "alert" event: the event.alert.level should be a whole number from 1 to 9, not 12.',
    ]);
  });
});

describe('pushed snapshot events', () => {
  const summary = {
    asOf: '2026-12-01T00:00:00.000Z',
    offline: true,
    scenario: null,
    prices: {},
    assetsInUse: [],
    network: {},
    farm: {
      hashPower: [],
      powerWatts: '0',
      revenueUsdPerDay: null,
      revenueLostUsdPerDay: null,
      powerCostUsdPerDay: '0',
      profitUsdPerDay: null,
      debtUsd: '0',
      collateralUsd: null,
      worstHealthFactor: null,
      btcHashpriceUsdPerPhDay: null,
    },
    notices: [],
  };
  const none = { upserts: [], removed: [] };

  it('accepts a full Snapshot by its summary and record lists', () => {
    const event = decodePushedEvent('snapshot', {
      type: 'snapshot',
      version: 3,
      snapshot: {
        ...summary,
        rigs: [{ id: 'r1', name: 'Rack A' }],
        loans: [],
        positions: [],
        alerts: [],
      },
    });
    expect(event?.type === 'snapshot' && event.snapshot.rigs[0]?.name).toBe('Rack A');
  });

  it('checks a delta by its summary, the shape of its changes and its alerts whole', () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const delta = {
        type: 'snapshot-delta',
        version: 4,
        summary,
        rigs: none,
        loans: none,
        positions: none,
      };
      expect(
        decodePushedEvent('snapshot-delta', { ...delta, alerts: { upserts: [alert], removed: [] } })
          ?.type,
      ).toBe('snapshot-delta');
      expect(
        decodePushedEvent('snapshot-delta', {
          ...delta,
          alerts: { upserts: [{ ...alert, severity: 'dire' }], removed: [] },
        }),
      ).toBeNull();
      // An alert patched in place: its fields checked as an alert's.
      const patchAlert = (fields: string[][], row: unknown[]) =>
        decodePushedEvent('snapshot-delta', {
          ...delta,
          alerts: { upserts: [], patches: [{ fields, rows: [row] }], removed: [] },
        });
      expect(patchAlert([['severity'], ['value']], [alert.id, 'critical', '2.5'])?.type).toBe(
        'snapshot-delta',
      );
      expect(patchAlert([['severity']], [alert.id, 'dire'])).toBeNull();
      expect(patchAlert([['details', 'x']], [alert.id, '1'])).toBeNull();
      const tick = {
        ...delta,
        rigs: {
          upserts: [],
          patches: [
            { fields: [['revenueUsdPerDay'], ['odds', 'days7']], rows: [['r1', '12.5', '3']] },
          ],
          removed: [],
        },
        alerts: none,
      };
      // Passed on as it came: the page applies the very object the host sent.
      expect(decodePushedEvent('snapshot-delta', tick)).toBe(tick);
      for (const rigs of [
        { upserts: [], patches: [{ id: 'r1', set: { revenueUsdPerDay: '1' } }], removed: [] },
        {
          upserts: [],
          patches: [{ fields: [['revenueUsdPerDay']], rows: [[7, '1']] }],
          removed: [],
        },
        { upserts: [], patches: [{ fields: [['revenueUsdPerDay']], rows: [['r1']] }], removed: [] },
        { upserts: [], patches: [{ fields: [[]], rows: [['r1', '1']] }], removed: [] },
        {
          upserts: [],
          patches: [{ fields: ['revenueUsdPerDay'], rows: [['r1', '1']] }],
          removed: [],
        },
        { upserts: [{ name: 'no id' }], removed: [] },
        { upserts: [], removed: [7] },
        { upserts: [], removed: [], order: 'r1' },
      ]) {
        expect(decodePushedEvent('snapshot-delta', { ...tick, rigs })).toBeNull();
      }
      expect(
        decodePushedEvent('snapshot-delta', { ...tick, summary: { ...summary, farm: null } }),
      ).toBeNull();
      expect(
        decodePushedEvent('snapshot', {
          type: 'snapshot',
          version: 1,
          snapshot: { ...summary, farm: null },
        }),
      ).toBeNull();
    } finally {
      console.error = original;
    }
  });
});
