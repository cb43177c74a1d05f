import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Rig } from '#api/records';
import { openTestService } from './test-service';

// CSV in and out through the contract: an exported rigs file imports back; a file with
// bad rows imports the good ones, names each bad one by line in words and hands the bad
// rows back as a CSV to fix and import again.

const start = () => openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });

interface ImportResult {
  rows: { line: number; ok: boolean; name?: string; error?: string }[];
  created: number;
  rejected: number;
  rejectedCsv?: string;
  message: string;
}

const withoutId = ({ id: _id, ...rig }: Rig) => rig;

describe('export.csv', () => {
  it('writes the rigs with a header of field names, and defuses spreadsheet formulas', async () => {
    const service = await start();
    await service.call('rigs.create', {
      name: '=HYPERLINK("http://evil")',
      coin: 'BTC',
      hashrate: '200',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
      quantity: 10,
      endpoint: { host: '10.0.0.7', port: 4028 },
      notes: 'row A, "north" wall',
    });

    const { fileName, csv } = (await service.call('export.csv', { kind: 'rigs' })) as {
      fileName: string;
      csv: string;
    };

    expect(fileName).toBe('rigledger-rigs-2026-11-24.csv');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(parsed.meta.fields?.slice(0, 4)).toEqual(['id', 'name', 'model', 'coin']);
    expect(parsed.data[0]).toMatchObject({
      name: `'=HYPERLINK("http://evil")`,
      hashrate: '200',
      quantity: '10',
      'endpoint.host': '10.0.0.7',
      'endpoint.port': '4028',
      notes: 'row A, "north" wall',
    });
  });

  it('writes loan payments one per row, and refuses an unknown kind', async () => {
    const service = await start();
    const loan = (await service.call('loans.create', {
      lender: 'Ledn',
      principal: '73000',
      aprPct: '10',
      startDate: '2026-07-15',
      termMonths: 12,
      repayment: 'interest-only',
      collateralAsset: 'USD',
      collateralAmount: '200000',
      marginCallLtvPct: '70',
      liquidationLtvPct: '80',
      payments: [{ date: '2026-08-15', amount: '620' }],
    })) as { id: string };

    const { csv } = (await service.call('export.csv', { kind: 'payments' })) as { csv: string };

    expect(csv).toBe(`loanId,lender,date,amount,currency\r\n${loan.id},Ledn,2026-08-15,620,USD`);
    await expect(service.call('export.csv', { kind: 'wallets' })).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('Pick what to export'),
    });
  });
});

describe('import.rigsCsv', () => {
  it('imports an exported file into another farm (a dry run first stores nothing)', async () => {
    const source = await start();
    await source.call('rigs.create', {
      name: 'S21 row A',
      coin: 'BTC',
      hashrate: '200',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
      quantity: 10,
      poolFeePct: '2',
      endpoint: { host: '10.0.0.7' },
    });
    await source.call('rigs.create', {
      name: 'L7',
      model: 'Antminer L7',
      coin: 'LTC',
      hashrate: '9.5',
      hashrateUnit: 'GH/s',
      powerWatts: '3425',
      quantity: 4,
      status: 'maintenance',
      purchasedAt: '2026-03-01',
      notes: 'two\nlines',
    });
    const { csv } = (await source.call('export.csv', { kind: 'rigs' })) as { csv: string };
    const target = await start();

    const dry = (await target.call('import.rigsCsv', { csv, dryRun: true })) as ImportResult;
    expect(dry).toMatchObject({
      created: 0,
      rows: [
        { line: 2, ok: true, name: 'S21 row A' },
        { line: 3, ok: true, name: 'L7' },
      ],
    });
    expect(await target.call('rigs.list', {})).toEqual([]);

    const done = (await target.call('import.rigsCsv', { csv })) as ImportResult;
    expect(done.created).toBe(2);
    const imported = (await target.call('rigs.list', {})) as Rig[];
    const original = (await source.call('rigs.list', {})) as Rig[];
    expect(imported.map(withoutId)).toEqual(original.map(withoutId));
  });

  it('imports the good rows of a file with bad ones and says what is wrong on which line, in words', async () => {
    const service = await start();
    const header = 'name,coin,hashrate,hashrateUnit,powerWatts,quantity,notes';
    const csv = [
      header,
      'Good rig,BTC,110,TH/s,3250,2,',
      'Bad hash,BTC,fast,TH/s,3250,2,',
      '',
      'Doge rig,DOGE,1,GH/s,3000,1,"multi',
      'line note"',
      'Half rig,BTC,110,TH/s,3250,2.5,',
      'Short row,BTC',
      'Second good,LTC,9.5,GH/s,3425,4,',
    ].join('\r\n');

    const dry = (await service.call('import.rigsCsv', { csv, dryRun: true })) as ImportResult;
    expect(dry.message).toBe(
      '2 rows are ready to import; 4 rows have problems and will be left out (dry run, nothing stored).',
    );
    expect(await service.call('rigs.list', {})).toEqual([]);

    const result = (await service.call('import.rigsCsv', { csv })) as ImportResult;

    expect(result.created).toBe(2);
    expect(result.rejected).toBe(4);
    expect(result.message).toBe(
      '2 rigs imported. 4 rows have problems and were left out: fix them and import them again.',
    );
    expect(result.rows.map((r) => [r.line, r.ok, r.name])).toEqual([
      [2, true, 'Good rig'],
      [3, false, 'Bad hash'],
      [5, false, 'Doge rig'],
      [7, false, 'Half rig'],
      [8, false, 'Short row'],
      [9, true, 'Second good'],
    ]);
    expect(result.rows[1]!.error).toBe(
      'Line 3: Hash rate: Enter a plain decimal number such as 12.5 (no commas or units).',
    );
    expect(result.rows[2]!.error).toMatch(
      /^Line 5: the coin "DOGE" is unknown; use one of BTC, LTC, KAS, ETC/,
    );
    expect(result.rows[3]!.error).toMatch(/^Line 7: Quantity: /);
    expect(result.rows[4]!.error).toMatch(/^Line 8: the row does not match the header/);
    for (const row of result.rows) expect(row.error ?? '').not.toMatch(/hashrate:|quantity:/);
    // The rejected rows come back as they were, under the header, to fix and retry.
    expect(result.rejectedCsv).toBe(
      [
        header,
        'Bad hash,BTC,fast,TH/s,3250,2,',
        'Doge rig,DOGE,1,GH/s,3000,1,"multi\nline note"',
        'Half rig,BTC,110,TH/s,3250,2.5,',
        'Short row,BTC',
      ].join('\n'),
    );
    const stored = (await service.call('rigs.list', {})) as Rig[];
    expect(stored.map((r) => [r.name, r.enteredAt])).toEqual([
      ['Good rig', '2026-11-24'],
      ['Second good', '2026-11-24'],
    ]);

    // Fixed and imported again: only the fixed rows are added.
    const fixed = (result.rejectedCsv ?? '')
      .replace('fast', '120')
      .replace('DOGE', 'LTC')
      .replace('2.5,', '3,')
      .replace('Short row,BTC', 'Short row,BTC,100,TH/s,3000,1,');
    const retry = (await service.call('import.rigsCsv', { csv: fixed })) as ImportResult;
    expect(retry).toMatchObject({ created: 4, rejected: 0, message: '4 rigs imported.' });
    expect(retry.rejectedCsv).toBeUndefined();
    expect(await service.call('rigs.list', {})).toHaveLength(6);
  });

  it('stores nothing when no row can be imported', async () => {
    const service = await start();
    const csv = 'name,coin,hashrate,hashrateUnit,powerWatts,quantity\nOnly,BTC,-1,TH/s,3250,1';
    const result = (await service.call('rigs.importCsv', { csv })) as ImportResult;
    expect(result).toMatchObject({
      created: 0,
      rejected: 1,
      message: 'The row cannot be imported; fix the problem listed and try again.',
    });
    expect(await service.call('rigs.list', {})).toEqual([]);
  });

  it('refuses unknown or missing columns and an empty file with a sentence', async () => {
    const service = await start();
    await expect(
      service.call('import.rigsCsv', {
        csv: 'name,coin,hashrate,hashrateUnit,powerWatts,quantity,colour\nA,BTC,1,TH/s,1,1,red',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('column RigLedger does not know: "colour"'),
    });
    await expect(service.call('import.rigsCsv', { csv: 'name,coin\nA,BTC' })).rejects.toMatchObject(
      {
        message: expect.stringContaining(
          'no "hashrate", "hashrateUnit", "powerWatts", "quantity" columns',
        ),
      },
    );
    await expect(service.call('import.rigsCsv', { csv: '' })).rejects.toMatchObject({
      message: expect.stringContaining('holds no rigs'),
    });
    expect(await service.call('rigs.list', {})).toEqual([]);
  });
});
