import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakePriceServer, startFakePriceServer } from '#fixtures/fake-price-server';
import { storedNetworkSchema } from '#api/records';
import { btcSubsidy, fetchChainStats } from './chain';
import { type FeedContext, isFailure } from './http-client';

const AT = new Date('2025-06-01T12:00:00Z');
const ctx: FeedContext = { fetch: globalThis.fetch, now: () => AT, timeoutMs: 2000 };
let server: FakePriceServer;

beforeAll(async () => {
  server = await startFakePriceServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.setMode('mempool', 'ok');
  server.setNetwork({
    difficulty: '111758708953857.42',
    hashrateHs: '800000000000000000000',
    height: 880_000,
    totalFeeSat: '2880000000',
  });
});

describe('Bitcoin chain stats from mempool.space', () => {
  it('gives difficulty, subsidy from the height, fees per block and the retarget', async () => {
    const stats = await fetchChainStats({ enabled: true, baseUrl: server.url }, ctx);
    if (isFailure(stats)) throw new Error(stats.message);
    expect(stats.network).toEqual({
      difficulty: '111758708953857.42',
      blockReward: '3.125',
      // 2,880,000,000 sat over blocks 879,857…880,000 (144 blocks) = 0.2 BTC a block
      feesPerBlock: '0.2',
      height: 880_000,
      source: 'mempool.space',
      at: AT.toISOString(),
      // Kept for the runway: the chain feed's estimate of the next adjustment.
      retarget: {
        difficultyChangePct: '1.8',
        remainingBlocks: 1159,
        estimatedRetargetDate: '2030-01-01T00:00:00.000Z',
      },
    });
    expect(storedNetworkSchema.parse(stats.network)).toEqual(stats.network);
    expect(stats.networkHashrateHs).toBe('800000000000000000000');
    expect(stats.retarget).toMatchObject({
      remainingBlocks: 1159,
      estimatedRetargetDate: '2030-01-01T00:00:00.000Z',
    });
    for (const path of [
      '/api/v1/mining/hashrate/3d',
      '/api/blocks/tip/height',
      '/api/v1/mining/reward-stats/144',
      '/api/v1/difficulty-adjustment',
    ]) {
      expect(server.requests[path]).toBeGreaterThan(0);
    }
  });

  it('follows the height across a halving: the next block after the tip is what rigs mine', async () => {
    server.setNetwork({ height: 1_049_999 });
    const stats = await fetchChainStats({ enabled: true, baseUrl: server.url }, ctx);
    expect(isFailure(stats) ? stats.message : stats.network.blockReward).toBe('1.5625');
    server.setNetwork({ height: 1_049_998 });
    const before = await fetchChainStats({ enabled: true, baseUrl: server.url }, ctx);
    expect(isFailure(before) ? before.message : before.network.blockReward).toBe('3.125');
  });

  it('fails with a reason on an HTML rate-limit page or a zero difficulty', async () => {
    server.setMode('mempool', 'html-429');
    const limited = await fetchChainStats({ enabled: true, baseUrl: server.url }, ctx);
    expect(isFailure(limited) ? [limited.kind, limited.retryAfterSec] : 'stats').toEqual([
      'rate-limited',
      120,
    ]);
    server.setMode('mempool', 'zero-price');
    const zero = await fetchChainStats({ enabled: true, baseUrl: server.url }, ctx);
    expect(isFailure(zero) ? zero.message : 'stats').toMatch(/impossible difficulty/);
  });
});

describe('block subsidy', () => {
  it('halves every 210,000 blocks from 50 BTC', () => {
    const table: [number, string][] = [
      [0, '50'],
      [209_999, '50'],
      [210_000, '25'],
      [840_000, '3.125'],
      [1_049_999, '3.125'],
      [1_050_000, '1.5625'],
      [64 * 210_000, '0'],
    ];
    for (const [height, subsidy] of table) expect(btcSubsidy(height).toFixed()).toBe(subsidy);
  });
});
