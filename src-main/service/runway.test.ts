import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Runway } from '#api/runway';
import type { Snapshot } from '#api/snapshot';
import { openHistory } from '#store/history';
import { openTestService } from './test-service';

// runway.get and the odds through the contract (docs/formulas-risk.md), against hand
// computations.

const NOW = new Date('2028-03-01T00:00:00.000Z');
const DAY_MS = 86_400_000;

/** Writes history points into a data folder before the service opens it. */
async function seedHistory(points: { at: Date; values: Record<string, string> }[]) {
  const dataDir = await mkdtemp(join(tmpdir(), 'rigledger-risk-'));
  const history = await openHistory({ dataDir, now: () => NOW, log: () => {}, notices: [] });
  for (const { at, values } of points) history.append(values, at);
  await history.close();
  return dataDir;
}

async function halvingFarm(dataDir?: string) {
  const service = await openTestService({ now: () => NOW, ...(dataDir ? { dataDir } : {}) });
  await service.call('prices.setManual', { asset: 'BTC', usd: '80000' });
  // docs/formulas.md "Mining" example: 100 PH/s at this difficulty earns 0.05625 BTC a day.
  // The tip is 5,760 blocks (40 days) before block 1,050,000.
  await service.call('network.setManual', {
    coin: 'BTC',
    difficulty: '111758708953857.42',
    feesPerBlock: '0',
    height: 1_044_240,
  });
  await service.call('settings.update', { electricityPerKwh: '0.05' });
  await service.call('rigs.create', {
    name: 'Hall 1',
    coin: 'BTC',
    hashrate: '100',
    hashrateUnit: 'PH/s',
    powerWatts: '100000',
    quantity: 1,
    poolFeePct: '0',
  });
  return service;
}

describe('runway.get', () => {
  it('halves the BTC found in the halving month to the block, with flat difficulty', async () => {
    const service = await halvingFarm();
    const result = (await service.call('runway.get', {
      months: 3,
      difficultyPerRetargetPct: '0',
    })) as Runway;
    expect(result.assumptions).toMatchObject({
      source: 'operator',
      halvingHeight: 1_050_000,
      halvingDate: '2028-04-10T00:00:00.000Z',
      blocksToHalving: 5760,
      daysToHalving: '40',
    });
    const [march, april, may] = result.months;
    // March: 4,463 blocks × 0.05625/144 = 1.74335938 BTC; power 100 kW × 24 h × $0.05 × 31.
    expect(march).toMatchObject({ btcProduced: '1.74335938', powerCostUsd: '3720' });
    // April: 1,296 blocks at 3.125 then 3,024 at 1.5625 → 0.05625 × (9 + 10.5).
    expect(april).toMatchObject({ btcProduced: '1.096875', halving: true });
    expect(april?.revenueUsd).toBe('87750');
    expect(may?.btcProduced).toBe('0.871875');
  });

  it('measures the difficulty trend from the retargets recorded in the last 90 days', async () => {
    const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY_MS);
    const dataDir = await seedHistory([
      { at: at(40), values: { 'network.BTC.difficulty': '100000000000000' } },
      { at: at(30), values: { 'network.BTC.difficulty': '103000000000000' } },
      { at: at(16), values: { 'network.BTC.difficulty': '104030000000000' } },
    ]);
    const service = await halvingFarm(dataDir);
    const result = (await service.call('runway.get', {})) as Runway;
    // +3 % and +1 %: a mean of +2 % per retarget.
    expect(result.assumptions).toMatchObject({ difficultyPerRetargetPct: '2', source: 'history' });
    expect(result.months).toHaveLength(12);
  });

  it('refuses without Bitcoin network figures, saying what is missing', async () => {
    const service = await openTestService({ now: () => NOW });
    await expect(service.call('runway.get', {})).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/difficulty and block height/),
    });
  });
});

describe('odds through the Snapshot', () => {
  it('use σ measured from the last 30 whole days of BTC prices and say so', async () => {
    // Daily closes alternating ×1.05 and ÷1.05: every log return is ±ln 1.05.
    const points = [];
    for (let d = 35; d >= 1; d--) {
      const usd = d % 2 === 0 ? '80000' : '84000';
      points.push({
        at: new Date(NOW.getTime() - d * DAY_MS + 3_600_000),
        values: { 'price.BTC': usd },
      });
    }
    const service = await halvingFarm(await seedHistory(points));
    await service.call('loans.create', {
      lender: 'Northwind Credit',
      principal: '40000',
      currency: 'USD',
      aprPct: '0',
      dayCount: 365,
      startDate: '2028-01-01',
      termMonths: 12,
      repayment: 'bullet',
      collateral: [{ asset: 'BTC', amount: '1' }],
      marginCallLtvPct: '70',
      liquidationLtvPct: '80',
    });
    const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    const odds = snapshot.loans[0]?.odds;
    // 30 returns of ±ln(84/80) = ±0.04879: sample sd 0.049625 (n − 1), × √365 = 94.81 %.
    expect(odds).toMatchObject({ volatilityPct: '94.81', volatilitySource: 'history' });
    // Margin call at 40,000 / 0.7 = 57,142.86 from 80,000 at σ 94.81 % within 7 days: 1.23 %.
    expect(odds?.days7.marginCallPct).toBe('1.23');
  });
});
