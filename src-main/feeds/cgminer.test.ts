import { afterEach, describe, expect, it } from 'vitest';
import { type CgminerQuirks, type FakeCgminer, startFakeCgminer } from '#fixtures/fake-cgminer';
import type { Rig } from '#api/records';
import { rigLiveSchema } from '#api/snapshot';
import { checkStatus, parseCgminerJson, repairCgminerJson } from './cgminer-reply';
import { pollRig, pollRigs } from './cgminer';

const AT = new Date('2025-06-01T12:00:00Z');
const now = () => AT;
const rigs: FakeCgminer[] = [];

async function fakeRig(options: Parameters<typeof startFakeCgminer>[0]): Promise<FakeCgminer> {
  const rig = await startFakeCgminer(options);
  rigs.push(rig);
  return rig;
}

afterEach(async () => {
  await Promise.all(rigs.splice(0).map((rig) => rig.close()));
});

describe('repairing firmware JSON', () => {
  it('fixes glued objects, trailing commas, bare nan/inf and the trailing NUL', () => {
    const raw = '{"STATS":[{"a":1,}{"b":-nan,"c":inf,"d":"x,}{nan"},],"ok":true}\0';
    expect(JSON.parse(repairCgminerJson(raw))).toEqual({
      STATS: [{ a: 1 }, { b: null, c: null, d: 'x,}{nan' }],
      ok: true,
    });
  });

  it('joins two glued top-level sections into one reply', () => {
    expect(parseCgminerJson('{"STATUS":[{"STATUS":"S"}]}{"SUMMARY":[{"GHS 5s":1}]}')).toEqual({
      STATUS: [{ STATUS: 'S' }],
      SUMMARY: [{ 'GHS 5s': 1 }],
    });
  });

  it('refuses text that is not JSON at all', () => {
    expect(parseCgminerJson('<html>nope</html>')).toBeNull();
    expect(parseCgminerJson('')).toBeNull();
  });

  it('accepts status S and I only', () => {
    expect(checkStatus({ STATUS: [{ STATUS: 'I' }] })).toEqual({ ok: true });
    expect(checkStatus({ STATUS: [{ STATUS: 'E', Msg: 'Invalid command' }] })).toEqual({
      ok: false,
      reason: 'it answered with status E: Invalid command',
    });
  });
});

describe('polling a rig over the cgminer API', () => {
  const quirkCases: [string, Partial<CgminerQuirks>][] = [
    ['clean JSON', {}],
    ['trailing commas', { trailingCommas: true }],
    ['}{ between objects', { gluedObjects: true }],
    ['numbers as strings', { stringNumbers: true }],
    ['a trailing NUL', { trailingNul: true }],
    ['MH/s fields', { unit: 'MHS' }],
    ['bare nan values', { bareNan: true }],
    [
      'every quirk at once',
      {
        trailingCommas: true,
        gluedObjects: true,
        stringNumbers: true,
        trailingNul: true,
        unit: 'MHS',
        bareNan: true,
      },
    ],
  ];
  for (const [name, quirks] of quirkCases) {
    it(`reads hash rate, uptime and the hottest chip from a reply with ${name}`, async () => {
      const rig = await fakeRig({
        port: 0,
        ghs5s: '13500.5',
        quirks,
        temperatures: [61, 67.5, 64],
        elapsedS: 3600,
      });
      const live = await pollRig({ host: '127.0.0.1', port: rig.port }, { now });
      expect(live).toEqual({
        hashrateHs: '13500500000000',
        temperatureC: '67.5',
        uptimeS: 3600,
        at: AT.toISOString(),
        online: true,
        error: null,
      });
      expect(rigLiveSchema.parse(live)).toEqual(live);
      expect(rig.commands.sort()).toEqual(['stats', 'summary']);
    });
  }

  it('a rig that refuses connections is offline, with the reason', async () => {
    const rig = await fakeRig({ port: 0, ghs5s: 100 });
    await rig.setDown(true);
    const live = await pollRig({ host: '127.0.0.1', port: rig.port }, { now });
    expect(live).toMatchObject({ online: false, hashrateHs: '0', temperatureC: null });
    expect(live.error).toBe(
      `The rig at 127.0.0.1:${rig.port} refused the connection (is its API enabled?).`,
    );
    await rig.setDown(false);
    expect((await pollRig({ host: '127.0.0.1', port: rig.port }, { now })).online).toBe(true);
  });

  it('a rig that never answers times out', async () => {
    const rig = await fakeRig({ port: 0, ghs5s: 100 });
    rig.setBehaviour('hang');
    const live = await pollRig({ host: '127.0.0.1', port: rig.port }, { now, timeoutMs: 150 });
    expect(live.online).toBe(false);
    expect(live.error).toMatch(/did not answer within 0.15 s/);
  });

  it('garbage and an error STATUS are offline too', async () => {
    const rig = await fakeRig({ port: 0, ghs5s: 100 });
    rig.setBehaviour('garbage');
    expect((await pollRig({ host: '127.0.0.1', port: rig.port }, { now })).error).toMatch(
      /not cgminer JSON/,
    );
    rig.setBehaviour('error-status');
    expect((await pollRig({ host: '127.0.0.1', port: rig.port }, { now })).error).toMatch(
      /refused "summary": it answered with status E: Invalid command/,
    );
  });

  it('never asks more than `concurrency` rigs at once', async () => {
    const shared = await fakeRig({ port: 0, ghs5s: 100 });
    const endpoint = { host: '127.0.0.1', port: shared.port, protocol: 'cgminer' as const };
    const base = {
      hashrate: '100',
      hashrateUnit: 'TH/s' as const,
      powerWatts: '3250',
      quantity: 1,
      poolFeePct: '0',
      coin: 'BTC',
    };
    const records = Array.from({ length: 12 }, (_, i): Rig => ({
      ...base,
      id: `r${i}`,
      name: `Rig ${i}`,
      status: 'active',
      endpoint,
    }));
    const live = await pollRigs(records, { concurrency: 2, now });
    expect(Object.values(live).every((l) => l.online)).toBe(true);
    expect(shared.commands).toHaveLength(24);
    // two rigs at a time, each with its summary and stats connections
    expect(shared.peakConnections()).toBeLessThanOrEqual(4);
  });

  it('polls many rigs with bounded concurrency, skipping retired ones and those without an endpoint', async () => {
    const fakes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fakeRig({ port: 0, ghs5s: 100 + i })),
    );
    const base = {
      hashrate: '100',
      hashrateUnit: 'TH/s' as const,
      powerWatts: '3250',
      quantity: 1,
      poolFeePct: '0',
      coin: 'BTC',
    };
    const records: Rig[] = [
      ...fakes.map((fake, i): Rig => ({
        ...base,
        id: `r${i}`,
        name: `S19 #${i}`,
        status: 'active',
        endpoint: { host: '127.0.0.1', port: fake.port, protocol: 'cgminer' },
      })),
      {
        ...base,
        id: 'retired',
        name: 'Old',
        status: 'retired',
        endpoint: { host: '127.0.0.1', port: fakes[0]!.port, protocol: 'cgminer' },
      },
      { ...base, id: 'manual', name: 'No API', status: 'active' },
    ];
    const lines: string[] = [];
    await fakes[5]!.setDown(true);
    const live = await pollRigs(records, { concurrency: 2, now, log: (line) => lines.push(line) });
    expect(Object.keys(live).sort()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(live.r3?.hashrateHs).toBe('103000000000');
    expect(live.r5?.online).toBe(false);
    expect(lines).toEqual([
      expect.stringMatching(
        /^Rig "S19 #5" is offline: The rig at 127\.0\.0\.1:\d+ refused the connection/,
      ),
    ]);
  });
});
