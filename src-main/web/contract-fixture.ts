import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodName } from '#api/methods';
import { openFarmService } from '#service/farm-service';
import type { FarmService } from '#service/types';
import { createWebApp } from './app';
import { allowedHostsFor } from './host-guard';

// A real web host over a real FarmService in a temp data folder with a fixed clock, and a
// small farm in it, for the contract suites: requests go through the Hono app's own fetch
// (Host, token and body checks included) without opening a socket.

const TOKEN = 'fuzz-token-0123456789abcdef';
const HOST = '127.0.0.1:4820';

export interface ContractHost {
  service: FarmService;
  logged: string[];
  ids: { rig: string; loan: string; position: string };
  rpc(method: string, body: string): Promise<{ status: number; json: unknown }>;
  /** The stored farm as JSON: equal before and after a refused call. */
  stored(): Promise<string>;
  /** A valid params object per method, for the mutations to start from. */
  samples: Partial<Record<MethodName, Record<string, unknown>>>;
}

export async function openContractHost(): Promise<ContractHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rigledger-contract-'));
  const logged: string[] = [];
  const service = await openFarmService({
    dataDir,
    offline: true,
    now: () => new Date('2026-11-24T12:00:00Z'),
    log: (line) => logged.push(line),
  });
  // The contract suites never load the page, but the host serves a dashboard folder.
  await mkdir(join(dataDir, 'renderer'));
  const app = createWebApp({
    service,
    token: TOKEN,
    allowedHosts: allowedHostsFor('127.0.0.1', 4820),
    rendererDir: join(dataDir, 'renderer'),
    log: (line) => logged.push(line),
  });

  const rigInput = {
    name: 'S21 row A',
    coin: 'BTC',
    hashrate: '200',
    hashrateUnit: 'TH/s',
    powerWatts: '3500',
    quantity: 2,
  };
  const loanInput = {
    lender: 'Ledn',
    principal: '100000',
    aprPct: '11.5',
    startDate: '2026-06-01',
    termMonths: 12,
    repayment: 'bullet',
    collateralAsset: 'BTC',
    collateralAmount: '3',
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
  };
  const positionInput = {
    account: 'Main',
    exchange: 'Binance',
    symbol: 'BTCUSDT',
    baseAsset: 'BTC',
    quoteAsset: 'USDT',
    kind: 'linear',
    side: 'long',
    size: '1',
    entryPrice: '60000',
    leverage: '10',
    marginMode: 'isolated',
    walletBalance: '6000',
    maintenanceMarginRate: '0.005',
    openedAt: '2026-11-01T00:00:00Z',
  };
  await service.call('prices.setManual', { asset: 'BTC', usd: '60000' });
  const rig = (await service.call('rigs.create', rigInput)) as { id: string };
  const loan = (await service.call('loans.create', loanInput)) as { id: string };
  const position = (await service.call('positions.create', positionInput)) as { id: string };
  const backup = (await service.call('backup.export', {})) as Record<string, unknown>;

  const samples: ContractHost['samples'] = {
    'snapshot.get': { asOf: '2026-11-01T00:00:00Z' },
    'rigs.create': rigInput,
    'rigs.update': { id: rig.id, patch: { quantity: 3 } },
    'rigs.remove': { id: rig.id },
    'loans.create': loanInput,
    'loans.update': { id: loan.id, patch: { aprPct: '12' } },
    'loans.remove': { id: loan.id },
    'loans.addPayment': { id: loan.id, date: '2026-07-01', amount: '500' },
    'loans.schedule': { id: loan.id },
    'loans.updatePayment': { id: loan.id, paymentId: 'pay-1', amount: '400' },
    'loans.removePayment': { id: loan.id, paymentId: 'pay-1' },
    'positions.create': positionInput,
    'positions.update': { id: position.id, patch: { size: '2' } },
    'positions.remove': { id: position.id },
    'positions.close': { id: position.id, exitPrice: '61000', date: '2026-11-24' },
    'prices.setManual': { asset: 'BTC', usd: '61000' },
    'prices.clearManual': { asset: 'BTC' },
    'network.setManual': { coin: 'BTC', difficulty: '111758708953857.42' },
    'settings.update': { electricityPerKwh: '0.07' },
    'notifications.test': { channelId: 'ch-phone' },
    'backup.export': { includeSecrets: false },
    'alerts.list': { includeResolved: true },
    'alerts.acknowledge': { id: 'alert-1' },
    'alerts.mute': { subjectId: position.id },
    'scenario.run': { shocksPct: { BTC: '-30' } },
    'hedge.plan': {
      coin: 'BTC',
      days: 30,
      hedgeRatio: '0.5',
      leverage: '3',
      maintenanceMarginRate: '0.005',
    },
    'history.get': { series: 'price.BTC' },
    'runway.get': { months: 6, difficultyPerRetargetPct: '2' },
    'backup.import': backup,
    'backup.preview': backup,
    'backup.restore': { name: 'rigledger-2026-11-24.json' },
    'pnl.add': { date: '2026-10-03', amountUsd: '-410.25' },
    'pnl.remove': { id: 'pnl-1' },
    'review.get': { asOf: '2026-10-31', months: 2 },
    'report.html': { asOf: '2026-10-31' },
    'csv.export': { kind: 'rigs' },
    'rigs.importCsv': {
      csv: 'name,coin,hashrate,hashrateUnit,powerWatts,quantity\nA,BTC,1,TH/s,1,1',
    },
    'positions.importCcxt': {
      positions: [],
      account: 'Main',
      exchange: 'Bybit',
      defaultMaintenanceMarginPct: '0.5',
    },
    'funding.list': { positionId: position.id },
    'funding.add': { positionId: position.id, at: '2026-11-20T08:00:00Z', amount: '-12.5' },
    'funding.remove': { id: 'fund-1' },
    'funding.import': {
      positionId: position.id,
      history: [{ id: '1', symbol: 'BTC/USDT:USDT', timestamp: 1763596800000, amount: '-3.2' }],
    },
  };

  return {
    service,
    logged,
    ids: { rig: rig.id, loan: loan.id, position: position.id },
    samples,
    async rpc(method, body) {
      const response = await app.fetch(
        new Request(`http://${HOST}/api/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: {
            Host: HOST,
            Authorization: `Bearer ${TOKEN}`,
            'Content-Type': 'application/json',
          },
          body,
        }),
      );
      const text = await response.text();
      return { status: response.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
    },
    async stored() {
      const exported = (await service.call('backup.export', {})) as { database: unknown };
      return JSON.stringify(exported.database);
    },
  };
}
