import { describe, expect, it } from 'vitest';
import type { BackupDocument } from './backup-document';
import type { Rig } from '#api/records';
import { openTestService } from './test-service';
import type { FarmService } from './types';

// Backups through the contract: a farm exported and imported into an empty data folder
// comes back identical; a malformed document is refused with a sentence and changes
// nothing; the preview says what an import would change.

const start = () => openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });

const RIG = {
  name: 'S21 row A',
  coin: 'BTC',
  hashrate: '200',
  hashrateUnit: 'TH/s',
  powerWatts: '3500',
  quantity: 10,
};

async function seededFarm(): Promise<FarmService> {
  const service = await start();
  await service.call('prices.setManual', { asset: 'BTC', usd: '95000' });
  await service.call('settings.update', { electricityPerKwh: '0.065' });
  const rig = (await service.call('rigs.create', {
    ...RIG,
    endpoint: { host: '10.0.0.7' },
  })) as Rig;
  await service.call('rigs.create', {
    ...RIG,
    name: 'L7 rack',
    coin: 'LTC',
    hashrate: '9.5',
    hashrateUnit: 'GH/s',
  });
  const loan = (await service.call('loans.create', {
    lender: 'Ledn',
    principal: '100000',
    aprPct: '11.5',
    startDate: '2026-06-01',
    termMonths: 12,
    repayment: 'amortizing',
    collateralAsset: 'BTC',
    collateralAmount: '3',
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
    rigIds: [rig.id],
  })) as { id: string };
  await service.call('loans.addPayment', { id: loan.id, date: '2026-07-01', amount: '8862.06' });
  await service.call('pnl.add', { date: '2026-10-03', amountUsd: '-410.25', note: 'hedge closed' });
  return service;
}

async function exported(service: FarmService): Promise<BackupDocument> {
  return (await service.call('backup.export', {})) as BackupDocument;
}

describe('backup round trip', () => {
  it('imports an exported farm into an empty data folder with every record identical', async () => {
    const source = await seededFarm();
    const document = await exported(source);

    const target = await start();
    // The farm pins a manual BTC price, which silences alerts: the import says so knowingly.
    const result = (await target.call('backup.import', {
      ...document,
      confirmSilencing: true,
    })) as {
      imported: Record<string, number>;
    };

    expect(result.imported).toMatchObject({ rigs: 2, loans: 1, payments: 1, realisedPnl: 1 });
    const back = await exported(target);
    expect(back.database).toEqual(document.database);
    for (const method of [
      'rigs.list',
      'loans.list',
      'positions.list',
      'pnl.list',
      'settings.get',
    ]) {
      expect(await target.call(method, {})).toEqual(await source.call(method, {}));
    }
  });

  it('upgrades a backup exported before realised PnL existed (data format 1)', async () => {
    const source = await seededFarm();
    const document = await exported(source);
    const { realisedPnl: _dropped, ...v1 } = { ...document.database, schemaVersion: 1 };

    const target = await start();
    await target.call('backup.import', { ...document, database: v1, confirmSilencing: true });

    expect(await target.call('rigs.list', {})).toEqual(await source.call('rigs.list', {}));
    expect(await target.call('pnl.list', {})).toEqual([]);
  });
});

describe('a malformed backup', () => {
  it.each([
    [
      'from a newer RigLedger',
      (d: BackupDocument) => ({ ...d, database: { ...d.database, schemaVersion: 99 } }),
      /newer RigLedger \(data format 99/,
    ],
    [
      'without a data format',
      (d: BackupDocument) => ({ ...d, database: { ...d.database, schemaVersion: undefined } }),
      /not a RigLedger backup/,
    ],
    ['of another format', (d: BackupDocument) => ({ ...d, format: 'something-else' }), /format/],
    [
      'missing the loans',
      (d: BackupDocument) => ({ ...d, database: { ...d.database, loans: undefined } }),
      /database\.loans/,
    ],
    [
      'with a broken rig',
      (d: BackupDocument) => ({
        ...d,
        database: { ...d.database, rigs: [{ ...d.database.rigs[0], hashrate: '-5' }] },
      }),
      /database\.rigs\.0\.hashrate/,
    ],
    [
      'with two records sharing an id',
      (d: BackupDocument) => ({
        ...d,
        database: { ...d.database, rigs: [d.database.rigs[0], d.database.rigs[0]] },
      }),
      /two records with the id/,
    ],
  ])('%s is refused with a message and changes nothing', async (_what, spoil, message) => {
    const service = await seededFarm();
    const before = await exported(service);

    await expect(service.call('backup.import', spoil(before))).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringMatching(message),
    });
    await expect(service.call('backup.preview', spoil(before))).rejects.toMatchObject({
      code: 'invalid_params',
    });

    expect((await exported(service)).database).toEqual(before.database);
  });
});

describe('backup preview', () => {
  it('counts what an import would add, remove and change, and stores nothing', async () => {
    const service = await seededFarm();
    const current = await exported(service);
    const [first, second] = current.database.rigs;
    const incoming: BackupDocument = {
      ...current,
      database: {
        ...current.database,
        rigs: [
          { ...first!, quantity: 12 },
          { ...second!, id: 'rig-new' },
        ],
        realisedPnl: [],
        loans: current.database.loans.map((l) => ({
          ...l,
          payments: [...l.payments, { id: 'pay-new', date: '2026-08-01', amount: '8862.06' }],
        })),
        settings: { ...current.database.settings, electricityPerKwh: '0.07' },
      },
    };

    const preview = await service.call('backup.preview', incoming);

    expect(preview).toEqual({
      collections: {
        rigs: { current: 2, incoming: 2, added: 1, removed: 1, changed: 1 },
        loans: { current: 1, incoming: 1, added: 0, removed: 0, changed: 1 },
        payments: { current: 1, incoming: 2, added: 1, removed: 0, changed: 0 },
        positions: { current: 0, incoming: 0, added: 0, removed: 0, changed: 0 },
        alerts: expect.objectContaining({ added: 0, removed: 0, changed: 0 }),
        realisedPnl: { current: 1, incoming: 0, added: 0, removed: 1, changed: 0 },
        fundingPayments: { current: 0, incoming: 0, added: 0, removed: 0, changed: 0 },
      },
      history: expect.objectContaining({ included: true }),
      settingsChanged: true,
      settingsChanges: [
        {
          setting: 'electricityPerKwh',
          from: '0.065',
          to: '0.07',
          silencesAlerts: false,
          sentence: 'Changes electricityPerKwh from 0.065 to 0.07.',
        },
      ],
    });
    expect((await exported(service)).database).toEqual(current.database);
  });
});
