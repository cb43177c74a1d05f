import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RigLedgerEvent } from '#api/events';
import type { Alert } from '#api/records';
import { emptyDatabase } from '#store/schema';
import { samplePosition } from '#core/test-fixtures/sample-records';
import { openTestService } from './test-service';

// The alert engine through the contract, with a fake clock: what an operator would be
// told while a position walks toward liquidation and back.

function fakeClock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

async function start(dataDir?: string, clock = fakeClock('2026-11-24T12:00:00Z')) {
  const service = await openTestService({ ...(dataDir ? { dataDir } : {}), now: clock.now });
  const events: Extract<RigLedgerEvent, { type: 'alert' }>[] = [];
  service.onEvent((e) => {
    if (e.type === 'alert') events.push(e);
  });
  return { service, events, clock };
}

// docs/formulas-positions.md worked example: long 1 BTC at 60,000, isolated WB 6,000, MMR 0.005, cum 50 → LP 54,221.11.
const { id: _id, ...LONG_BTC } = samplePosition({
  account: 'Main',
  openedAt: '2026-11-20T00:00:00Z',
});

describe('a position walked toward its liquidation price', () => {
  it('raises one warning, escalates once to critical and resolves once past the margin', async () => {
    const { service, events } = await start();
    await service.call('prices.setManual', { asset: 'BTC', usd: '70000' });
    const position = (await service.call('positions.create', LONG_BTC)) as { id: string };

    const walk = ['70000', '62000', '60000', '57000', '56000', '58000', '60000', '60700', '61000'];
    const severities: (string | null)[] = [];
    for (const usd of walk) {
      await service.call('prices.setManual', { asset: 'BTC', usd });
      const active = (await service.call('alerts.list', {})) as Alert[];
      severities.push(active.find((a) => a.rule === 'position.liquidation')?.severity ?? null);
    }

    // d = (P − 54,221.11)/P: 62,000 → 12.5 %, 60,000 → 9.6 %, 57,000 → 4.9 %, 56,000 → 3.2 %,
    // 58,000 → 6.5 % (quietly back to warning: past 5 % + 1 point), 60,000 → 9.6 %,
    // 60,700 → 10.7 % (inside the 1-point margin: still active), 61,000 → 11.1 % → resolved.
    expect(severities).toEqual([
      null,
      null,
      'warning',
      'critical',
      'critical',
      'warning',
      'warning',
      'warning',
      null,
    ]);
    const mine = events.filter((e) => e.alert.subjectId === position.id);
    expect(mine.map((e) => e.change)).toEqual(['raised', 'escalated', 'cleared']);
    expect(mine[0]!.alert.message).toContain('$54,221.11');
    expect(mine[0]!.alert.message).toContain('9.63 %');
    expect(mine[1]!.alert.message).toContain('4.88 %');
  });

  it('tells at once of a jump straight to critical, under the id it keeps', async () => {
    const { service, events } = await start();
    await service.call('prices.setManual', { asset: 'BTC', usd: '70000' });
    const position = (await service.call('positions.create', LONG_BTC)) as { id: string };
    // Far from trouble, then 3.2 % from liquidation in one tick: the records near an alert
    // line are judged first (core/alert-first-look.ts), the whole farm after.
    await service.call('prices.setManual', { asset: 'BTC', usd: '56000', confirm: true });
    const active = (await service.call('alerts.list', {})) as Alert[];
    const mine = events.filter((e) => e.alert.subjectId === position.id);
    expect(mine.map((e) => [e.change, e.alert.severity])).toEqual([['raised', 'critical']]);
    expect(active.filter((a) => a.subjectId === position.id).map((a) => a.id)).toEqual([
      mine[0]!.alert.id,
    ]);
  });

  it('stays quiet after acknowledgement until it escalates', async () => {
    const { service, events } = await start();
    await service.call('prices.setManual', { asset: 'BTC', usd: '60000' });
    await service.call('positions.create', LONG_BTC);
    const [warning] = (await service.call('alerts.list', {})) as Alert[];
    expect(warning?.severity).toBe('warning');
    await service.call('alerts.acknowledge', { id: warning!.id });

    await service.call('prices.setManual', { asset: 'BTC', usd: '59800' });
    await service.settled();
    expect(events.filter((e) => e.change !== 'cleared' && e.notify).map((e) => e.change)).toEqual([
      'raised',
    ]);

    await service.call('prices.setManual', { asset: 'BTC', usd: '56000' });
    await service.settled();
    const notified = events.filter((e) => e.notify).map((e) => e.change);
    expect(notified).toEqual(['raised', 'escalated']);
    const [critical] = (await service.call('alerts.list', {})) as Alert[];
    expect(critical?.acknowledgedAt).toBeUndefined();
  });

  it('keeps a muted subject quiet until the mute ends', async () => {
    const { service, events, clock } = await start();
    await service.call('prices.setManual', { asset: 'BTC', usd: '70000' });
    const position = (await service.call('positions.create', LONG_BTC)) as { id: string };
    await service.call('alerts.mute', { subjectId: position.id, until: '2026-11-24T13:00:00Z' });

    await service.call('prices.setManual', { asset: 'BTC', usd: '60000' });
    await service.call('prices.setManual', { asset: 'BTC', usd: '56000' });
    await service.settled();
    expect(events.filter((e) => e.notify)).toEqual([]);
    expect(((await service.call('alerts.list', {})) as Alert[])[0]?.severity).toBe('critical');

    clock.advance(2 * 60 * 60 * 1000);
    await service.call('prices.setManual', { asset: 'BTC', usd: '54000' });
    await service.settled();
    expect(events.filter((e) => e.notify).map((e) => e.change)).toEqual(['escalated']);
  });
});

describe('a stale price', () => {
  it('never raises a liquidation alert; a stale-price alert is raised instead', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rigledger-stale-'));
    const db = emptyDatabase();
    // The last fed price is already past liquidation, but it is 10 minutes old.
    db.lastPrices.BTC = {
      usd: '50000',
      source: 'binance',
      at: '2026-11-24T11:50:00Z',
      disputed: false,
    };
    db.positions.push({ ...LONG_BTC, id: 'pos-1' });
    await writeFile(join(dir, 'rigledger.json'), JSON.stringify(db));

    const { service } = await start(dir);
    const active = (await service.call('alerts.list', {})) as Alert[];
    expect(active.map((a) => a.rule)).toEqual(['price.stale']);
    expect(active[0]!.message).toMatch(
      /BTC price \(\$50,000\.00 from binance\) was last updated 10 min ago/,
    );
    const snapshot = (await service.call('snapshot.get', {})) as {
      positions: { priceStale: boolean }[];
    };
    expect(snapshot.positions[0]!.priceStale).toBe(true);
  });

  it('leaves an existing liquidation alert as it was while the price is stale', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rigledger-hold-'));
    const db = emptyDatabase();
    db.lastPrices.BTC = {
      usd: '57000',
      source: 'binance',
      at: '2026-11-24T11:59:00Z',
      disputed: false,
    };
    db.positions.push({ ...LONG_BTC, id: 'pos-1' });
    await writeFile(join(dir, 'rigledger.json'), JSON.stringify(db));

    const clock = fakeClock('2026-11-24T12:00:00Z');
    const { service } = await start(dir, clock);
    expect(((await service.call('alerts.list', {})) as Alert[]).map((a) => a.severity)).toEqual([
      'critical',
    ]);

    clock.advance(10 * 60 * 1000);
    await service.call('settings.update', { staleAfterSec: 300 });
    const active = (await service.call('alerts.list', {})) as Alert[];
    expect(active.map((a) => a.rule).sort()).toEqual(['position.liquidation', 'price.stale']);
  });
});
