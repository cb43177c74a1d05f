import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel } from '#api/notification-channel';
import {
  channelTakes,
  holdableMayGo,
  inQuietHours,
  wallClockMinutes,
} from './notification-routing';
import { redactAmounts } from './notification-text';

// Routing rules (docs/notifications.md "Routing"): severity and rule filters, quiet hours
// on the channel's own wall clock (across midnight and daylight-saving changes), digests.

const ntfy = (overrides: Partial<Extract<Channel, { kind: 'ntfy' }>> = {}): Channel => ({
  id: 'ch-1',
  kind: 'ntfy',
  enabled: true,
  minSeverity: 'warning',
  baseUrl: 'https://ntfy.sh',
  topic: 'farm',
  ...overrides,
});

describe('channelTakes', () => {
  it('takes alerts at or above its lowest severity, and only its rules when it lists some', () => {
    expect(channelTakes(ntfy(), { rule: 'loan.ltv', severity: 'info' })).toBe(false);
    expect(channelTakes(ntfy(), { rule: 'loan.ltv', severity: 'warning' })).toBe(true);
    expect(
      channelTakes(ntfy({ rules: ['rig.offline'] }), { rule: 'loan.ltv', severity: 'critical' }),
    ).toBe(false);
    expect(channelTakes(ntfy({ enabled: false }), { rule: 'loan.ltv', severity: 'critical' })).toBe(
      false,
    );
  });
});

describe('quiet hours', () => {
  const night = { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' };

  it('reads the wall clock of the channel’s zone, daylight saving included', () => {
    // 21:30 UTC is 22:30 in Berlin in winter (UTC+1) and 23:30 in summer (UTC+2).
    expect(wallClockMinutes(new Date('2026-01-15T21:30:00Z'), 'Europe/Berlin')).toBe(22 * 60 + 30);
    expect(wallClockMinutes(new Date('2026-07-15T21:30:00Z'), 'Europe/Berlin')).toBe(23 * 60 + 30);
  });

  it('spans midnight: 22:00–07:00 holds 23:30 and 06:59, not 07:00 or 21:59', () => {
    expect(inQuietHours(new Date('2026-01-15T22:30:00Z'), night)).toBe(true);
    expect(inQuietHours(new Date('2026-01-16T05:59:00Z'), night)).toBe(true);
    expect(inQuietHours(new Date('2026-01-16T06:00:00Z'), night)).toBe(false);
    expect(inQuietHours(new Date('2026-01-15T20:59:00Z'), night)).toBe(false);
  });

  it('a span within one day (12:00–14:00 UTC) holds only inside it', () => {
    const lunch = { from: '12:00', to: '14:00', timeZone: 'UTC' };
    expect(inQuietHours(new Date('2026-01-15T13:00:00Z'), lunch)).toBe(true);
    expect(inQuietHours(new Date('2026-01-15T14:00:00Z'), lunch)).toBe(false);
  });

  it('property: a moment is quiet in from–to exactly when it is not quiet in to–from', () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        hhmm,
        hhmm,
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        (from, to, at) => {
          fc.pre(from !== to);
          const zone = 'America/New_York';
          expect(inQuietHours(at, { from, to, timeZone: zone })).toBe(
            !inQuietHours(at, { from: to, to: from, timeZone: zone }),
          );
        },
      ),
    );
  });
});

describe('digests', () => {
  it('lets held alerts go once digestMinutes have passed since the oldest, or since the last digest', () => {
    const channel = ntfy({ digestMinutes: 15 });
    const oldest = new Date('2026-11-24T12:00:00Z');
    expect(holdableMayGo(channel, new Date('2026-11-24T12:14:59Z'), oldest, null)).toBe(false);
    expect(holdableMayGo(channel, new Date('2026-11-24T12:15:00Z'), oldest, null)).toBe(true);
    expect(
      holdableMayGo(
        channel,
        new Date('2026-11-24T12:15:00Z'),
        oldest,
        new Date('2026-11-24T12:10:00Z'),
      ),
    ).toBe(false);
  });
});

describe('redact amounts', () => {
  it('hides dollar amounts and coin balances, keeps percents', () => {
    expect(
      redactAmounts(
        'BTCUSDT long is 4.03 % from liquidation at $54,221.11 (mark $56,500.00); 2.5 BTC collateral.',
      ),
    ).toBe('BTCUSDT long is 4.03 % from liquidation at $••• (mark $•••); ••• BTC collateral.');
  });
});
