import { describe, expect, it } from 'vitest';
import { openTestService } from './test-service';

// Mutes through the contract: what the Alerts page lists as "muted until …" and lifts.

describe('alert mutes', () => {
  it('lists the mutes in force, drops ended ones, and unmute lifts a subject', async () => {
    let t = Date.parse('2026-11-24T12:00:00Z');
    const service = await openTestService({ now: () => new Date(t) });
    await service.call('alerts.mute', { subjectId: 'farm', until: '2026-11-25T12:00:00Z' });
    await service.call('alerts.mute', { subjectId: 'BTC', until: '2026-11-24T13:00:00Z' });
    expect(await service.call('alerts.mutes', {})).toEqual([
      { subjectId: 'farm', until: '2026-11-25T12:00:00Z' },
      { subjectId: 'BTC', until: '2026-11-24T13:00:00Z' },
    ]);

    t += 2 * 60 * 60 * 1000;
    expect(await service.call('alerts.mutes', {})).toEqual([
      { subjectId: 'farm', until: '2026-11-25T12:00:00Z' },
    ]);

    await service.call('alerts.unmute', { subjectId: 'farm' });
    expect(await service.call('alerts.mutes', {})).toEqual([]);
    // Lifting a subject that is not muted is harmless.
    await expect(service.call('alerts.unmute', { subjectId: 'farm' })).resolves.toEqual({});
  });

  it('refuses an unmute without a subject', async () => {
    const service = await openTestService({});
    await expect(service.call('alerts.unmute', { subjectId: '' })).rejects.toMatchObject({
      code: 'invalid_params',
    });
  });
});
