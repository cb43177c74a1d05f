import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CCXT_POSITIONS } from '#api/import-export';
import { leastStall } from '#fixtures/event-loop-stall';
import { MAX_BACKUP_BODY_BYTES } from './rpc';
import { startTestHost, TEST_TOKEN, type TestHost } from './test-host';

// A backup of nearly 16 MiB (the largest this call takes) or a long ccxt list, sent over
// a real socket, is read, parsed and checked off the request path: in slices that give
// other requests a turn. The longest stretch without a turn is measured in the CPU time
// this process spent (on a busy machine the wall-clock gap also holds time spent waiting
// for a CPU). Saving a large farm is the store's own work and is not measured here.

const LIMIT_MS = 100;
const bearer = { Authorization: `Bearer ${TEST_TOKEN}` };

let host: TestHost;
let backup: Buffer;
let rigCount: number;

async function rpc(method: string, body: Buffer | string) {
  const reply = await host.send({
    method: 'POST',
    path: `/api/rpc/${method}`,
    headers: bearer,
    body,
  });
  return { status: reply.status, json: JSON.parse(reply.text) as unknown };
}

beforeAll(async () => {
  host = await startTestHost();
  const exported = (await rpc('backup.export', '{}')).json as {
    database: { rigs: Record<string, unknown>[] };
  };
  const rig = {
    name: 'S21',
    coin: 'BTC',
    hashrate: '200',
    hashrateUnit: 'TH/s',
    powerWatts: '3500',
    quantity: 2,
    poolFeePct: '2',
    status: 'active',
    notes: 'north wall, second shelf',
  };
  const rigs = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ ...rig, id: `rig-${i}`, name: `S21 #${i}` }));
  const perRig = JSON.stringify(rigs(1000)).length / 1000;
  rigCount = Math.floor((MAX_BACKUP_BODY_BYTES - 1_200_000) / perRig);
  exported.database.rigs = rigs(rigCount);
  backup = Buffer.from(JSON.stringify(exported));
}, 120_000);
afterAll(async () => {
  await host.close();
});

describe('a large upload never holds up other requests for more than 100 ms', () => {
  it('backup.preview of a backup of nearly 16 MiB', async () => {
    expect(backup.length).toBeGreaterThan(15 * 1024 * 1024);
    expect(backup.length).toBeLessThan(MAX_BACKUP_BODY_BYTES);

    const { result, cpuMs } = await leastStall(() => rpc('backup.preview', backup));

    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      collections: { rigs: { current: 0, incoming: rigCount, added: rigCount, removed: 0 } },
    });
    expect(cpuMs).toBeLessThan(LIMIT_MS);
  }, 120_000);

  it('backup.import of the same backup with one bad rig at its very end: refused, nothing changed', async () => {
    const text = backup.toString();
    const last = `"name":"S21 #${rigCount - 1}"`;
    const at = text.lastIndexOf(last);
    expect(at).toBeGreaterThan(0);
    const spoiled = Buffer.from(`${text.slice(0, at)}"name":""${text.slice(at + last.length)}`);

    const { result, cpuMs } = await leastStall(() => rpc('backup.import', spoiled));

    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({
      error: {
        code: 'invalid_params',
        message: expect.stringMatching(
          new RegExp(`^The backup was not accepted\\. database\\.rigs\\.${rigCount - 1}\\.name: `),
        ),
      },
    });
    expect(cpuMs).toBeLessThan(LIMIT_MS);
    expect((await rpc('rigs.list', '{}')).json).toEqual([]);
  }, 120_000);

  it(`import.ccxtPositions of ${MAX_CCXT_POSITIONS} positions (dry run)`, async () => {
    const position = {
      symbol: 'BTC/USDT:USDT',
      contracts: 0.3,
      contractSize: 1,
      side: 'long',
      leverage: 10,
      collateral: 1800,
      entryPrice: 60_000,
      marginMode: 'isolated',
      maintenanceMarginPercentage: 0.004,
      datetime: '2025-11-23T12:13:20.000Z',
    };
    const body = JSON.stringify({
      account: 'Main',
      dryRun: true,
      positions: Array.from({ length: MAX_CCXT_POSITIONS }, () => position),
    });

    const { result, cpuMs } = await leastStall(() => rpc('import.ccxtPositions', body));

    expect(result.json).toMatchObject({
      created: 0,
      message: `${MAX_CCXT_POSITIONS} positions are ready to import; nothing was stored (dry run).`,
    });
    expect(cpuMs).toBeLessThan(LIMIT_MS);
  }, 120_000);
});
