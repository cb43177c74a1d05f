import { describe, expect, it } from 'vitest';
import { RpcError } from '#api/errors';
import { DEPRECATED_METHOD_NAMES } from '#api/method-aliases';
import { methods, type MethodName, type ParamsOf } from '#api/methods';
import { checkingResults, openTestService, ResultOutsideContract } from './test-service';
import type { FarmService } from './types';

// Every contract method, called once on the demo farm with ordinary params, answers
// inside its result schema (the test service checks each result), and every old method
// name answers exactly like its new one.

const NOW = '2026-11-24T12:00:00.000Z';
const TODAY = NOW.slice(0, 10);

const openDemoFarm = () => openTestService({ demo: true, now: () => new Date(NOW) });

/** What earlier calls answered, for the calls that need an id or a name from them. */
type Answers = Partial<Record<MethodName, unknown>>;

interface Farm {
  rigId: string;
  loanId: string;
  positionId: string;
  answers: Answers;
}

function field(answers: Answers, method: MethodName, path: (value: never) => unknown): string {
  const value: unknown = path(answers[method] as never);
  if (typeof value !== 'string')
    throw new Error(`${method} did not give the value a later call needs`);
  return value;
}

/** A CSV row RigLedger's own rigs export writes. */
const RIGS_CSV =
  'name,coin,hashrate,hashrateUnit,powerWatts,quantity,poolFeePct,status\nSpare S21,BTC,200,TH/s,3500,1,2,active';

/**
 * Ordinary params for every method, in the order they are called: reads first, then
 * changes, removals last. The type makes the list complete: a new method without a
 * sample here does not compile.
 */
const SAMPLES: { [M in MethodName]: (farm: Farm) => ParamsOf<M> } = {
  'snapshot.get': () => ({}),
  'snapshot.summary': () => ({ worst: 3 }),
  'rigs.list': () => ({}),
  'loans.list': () => ({}),
  'positions.list': () => ({}),
  'loans.schedule': ({ loanId }) => ({ id: loanId }),
  'settings.get': () => ({}),
  'feeds.status': () => ({}),
  'feeds.refresh': () => ({}),
  // A BTC price far down puts the demo loan past its margin call: an alert to act on.
  'prices.setManual': () => ({ asset: 'BTC', usd: '30000', confirm: true }),
  'alerts.list': () => ({}),
  'alerts.acknowledge': ({ answers }) => ({
    id: field(answers, 'alerts.list', (alerts: { id: string }[]) => alerts[0]?.id),
  }),
  'alerts.mute': ({ rigId }) => ({ subjectId: rigId, until: '2026-11-25T12:00:00.000Z' }),
  'alerts.mutes': () => ({}),
  'alerts.unmute': ({ rigId }) => ({ subjectId: rigId }),
  'prices.clearManual': () => ({ asset: 'BTC' }),
  'network.setManual': () => ({ coin: 'LTC', difficulty: '92345678.12', blockReward: '6.25' }),
  'scenario.run': () => ({ shocksPct: { BTC: '-30' } }),
  'hedge.plan': () => ({
    coin: 'BTC',
    days: 30,
    hedgeRatio: '0.5',
    leverage: '3',
    maintenanceMarginRate: '0.005',
  }),
  'runway.get': () => ({ months: 12, pricePathPctPerMonth: '-2' }),
  'history.series': () => ({}),
  'history.get': ({ answers }) => ({
    series: field(answers, 'history.series', (names: string[]) => names[0]),
  }),
  'review.get': () => ({ asOf: TODAY, months: 2 }),
  'report.html': () => ({ asOf: TODAY }),
  'csv.export': () => ({ kind: 'rigs' }),
  'rigs.importCsv': () => ({ csv: RIGS_CSV, dryRun: true }),
  'positions.importCcxt': () => ({ positions: [], account: 'Main', dryRun: true }),
  'settings.update': () => ({
    staleAfterSec: 600,
    notifications: {
      channels: [
        {
          kind: 'webhook',
          enabled: true,
          minSeverity: 'critical',
          url: 'http://127.0.0.1:9/hook',
          secret: 'contract-secret',
        },
      ],
    },
  }),
  // The test farm is offline: the test answers that nothing is sent.
  'notifications.test': ({ answers }) => ({
    channelId: field(
      answers,
      'settings.update',
      (s: { notifications: { channels: { id: string }[] } }) => s.notifications.channels[0]?.id,
    ),
  }),
  'notifications.status': () => ({}),
  'rigs.create': () => ({
    name: 'Spare S21',
    coin: 'BTC',
    hashrate: '200',
    hashrateUnit: 'TH/s',
    powerWatts: '3500',
    quantity: 1,
    poolFeePct: '2',
    status: 'maintenance',
  }),
  'rigs.update': ({ rigId }) => ({ id: rigId, patch: { quantity: 25 } }),
  'loans.create': () => ({
    lender: 'Bridge Capital',
    principal: '50000',
    currency: 'USD',
    aprPct: '11',
    dayCount: 365,
    startDate: '2026-10-01',
    termMonths: 12,
    repayment: 'interest-only',
    collateralAsset: 'BTC',
    collateralAmount: '2',
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
  }),
  'loans.update': ({ loanId }) => ({ id: loanId, patch: { aprPct: '12' } }),
  'loans.addPayment': ({ loanId }) => ({ id: loanId, date: TODAY, amount: '100' }),
  'loans.updatePayment': ({ loanId, answers }) => ({
    id: loanId,
    paymentId: field(
      answers,
      'loans.addPayment',
      (loan: { payments: { id: string }[] }) => loan.payments.at(-1)?.id,
    ),
    amount: '90',
  }),
  'loans.removePayment': ({ loanId, answers }) => ({
    id: loanId,
    paymentId: field(
      answers,
      'loans.addPayment',
      (loan: { payments: { id: string }[] }) => loan.payments.at(-1)?.id,
    ),
  }),
  'notices.list': () => ({}),
  // The demo farm opened cleanly, so it has no notice: this one answers not_found (a
  // dismissal that works is proven in notices.test.ts).
  'notices.dismiss': () => ({ id: 'notice-that-does-not-exist' }),
  'positions.create': () => ({
    account: 'Main',
    exchange: 'Binance',
    symbol: 'BTCUSDT',
    baseAsset: 'BTC',
    quoteAsset: 'USDT',
    kind: 'linear',
    side: 'short',
    size: '0.1',
    entryPrice: '90000',
    leverage: '5',
    marginMode: 'isolated',
    walletBalance: '1800',
    maintenanceMarginRate: '0.004',
    openedAt: '2026-11-20T00:00:00.000Z',
  }),
  'positions.update': ({ positionId }) => ({ id: positionId, patch: { leverage: '4' } }),
  'pnl.list': () => ({}),
  'pnl.add': () => ({ date: TODAY, amountUsd: '120.5', note: 'Closed a hedge' }),
  'pnl.remove': ({ answers }) => ({ id: field(answers, 'pnl.add', (e: { id: string }) => e.id) }),
  'funding.list': ({ positionId }) => ({ positionId }),
  'funding.add': ({ positionId }) => ({
    positionId,
    at: '2026-11-24T08:00:00.000Z',
    amount: '3.42',
  }),
  'funding.import': ({ positionId }) => ({
    positionId,
    history: [
      {
        id: '771203',
        symbol: 'BTC/USDT:USDT',
        code: 'USDT',
        timestamp: Date.parse('2026-11-24T00:00:00.000Z'),
        amount: 4.1,
      },
    ],
  }),
  'funding.remove': ({ answers }) => ({
    id: field(answers, 'funding.add', (p: { id: string }) => p.id),
  }),
  'backup.export': () => ({}),
  'backup.preview': ({ answers }) => answers['backup.export'] as ParamsOf<'backup.preview'>,
  'backup.import': ({ answers }) => answers['backup.export'] as ParamsOf<'backup.import'>,
  'backup.create': () => ({}),
  'backup.list': () => ({}),
  'backup.restore': ({ answers }) => ({
    name: field(answers, 'backup.create', (b: { name: string }) => b.name),
  }),
  'rigs.remove': ({ answers }) => ({
    id: field(answers, 'rigs.create', (r: { id: string }) => r.id),
  }),
  'loans.remove': ({ answers }) => ({
    id: field(answers, 'loans.create', (l: { id: string }) => l.id),
  }),
  // Closed at the mark: its realised PnL is recorded and the position leaves the book.
  'positions.close': ({ positionId }) => ({ id: positionId }),
  'positions.remove': ({ answers }) => ({
    id: field(answers, 'positions.create', (p: { id: string }) => p.id),
  }),
};

async function demoFarm(service: FarmService): Promise<Farm> {
  const [rig] = (await service.call('rigs.list', {})) as { id: string }[];
  const [loan] = (await service.call('loans.list', {})) as { id: string }[];
  const [position] = (await service.call('positions.list', {})) as { id: string }[];
  if (!rig || !loan || !position)
    throw new Error('The demo farm should have a rig, a loan and a position');
  return { rigId: rig.id, loanId: loan.id, positionId: position.id, answers: {} };
}

describe('the contract', () => {
  it('has ordinary params for every method, so the next test calls them all', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(methods).sort());
  });

  it('answers every method inside its result schema', async () => {
    const service = await openDemoFarm();
    const farm = await demoFarm(service);
    for (const method of Object.keys(SAMPLES) as MethodName[]) {
      const params = SAMPLES[method](farm);
      if (method === 'notices.dismiss') {
        await expect(service.call(method, params)).rejects.toMatchObject({ code: 'not_found' });
        continue;
      }
      // The test service rejects a result outside the method's schema.
      farm.answers[method] = await service.call(method, params).catch((error: unknown) => {
        throw new Error(`${method} failed`, { cause: error });
      });
    }
    expect(farm.answers['alerts.acknowledge']).toMatchObject({ acknowledgedAt: NOW });
    expect(farm.answers['rigs.remove']).toEqual({ id: expect.any(String) });
  });
});

describe('the test service', () => {
  it('fails a test whose method answers outside its result schema', async () => {
    const real = await openTestService();
    const broken = checkingResults({ ...real, call: () => Promise.resolve([{ name: 'S21' }]) });
    await expect(broken.call('rigs.list', {})).rejects.toThrow(ResultOutsideContract);
    await expect(broken.call('rigs.list', {})).rejects.toThrow(/rigs.list answered outside/);
  });
});

describe('old method names', () => {
  const renamed = Object.entries(DEPRECATED_METHOD_NAMES);

  it.each(renamed)('%s answers exactly like %s', async (oldName, newName) => {
    const service = await openDemoFarm();
    const farm = await demoFarm(service);
    if (newName === 'backup.restore') {
      farm.answers['backup.create'] = await service.call('backup.create', {});
    }
    const params: unknown = SAMPLES[newName](farm);
    const backupCount = async () => ((await service.call('backup.list', {})) as unknown[]).length;
    const before = await backupCount();
    const byNewName = await service.call(newName, params);
    const between = await backupCount();
    const byOldName = await service.call(oldName, params);
    if (newName === 'backup.create') {
      // Each call writes one more backup file, so the answers differ only in the file.
      expect(await backupCount()).toBe(between + 1);
      expect(between).toBe(before + 1);
      expect(Object.keys(byOldName as object)).toEqual(Object.keys(byNewName as object));
    } else {
      expect(byOldName).toEqual(byNewName);
    }
  });

  it.each(renamed)('%s refuses bad params like %s', async (oldName, newName) => {
    const service = await openTestService();
    const refusal = async (name: string) =>
      service.call(name, { unexpected: true }).then(
        () => null,
        (error: unknown) => (error instanceof RpcError ? [error.code, error.details] : error),
      );
    const byNewName = await refusal(newName);
    expect(byNewName).toEqual(['invalid_params', expect.anything()]);
    expect(await refusal(oldName)).toEqual(byNewName);
  });
});
