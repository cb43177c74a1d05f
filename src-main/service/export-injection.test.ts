import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { samplePosition, sampleRig } from '#core/test-fixtures/sample-records';
import { FORMULA_START } from './csv-export';
import { openTestService } from './test-service';

// Operator-entered text leaves RigLedger only as text: a spreadsheet opening an export
// never runs a formula from it (OWASP CSV injection), and the printable report never runs
// markup from it.

const start = () => openTestService({ now: () => new Date('2026-11-24T12:00:00Z') });

const { id: _rid, ...RIG } = sampleRig();
const { id: _pid, ...POSITION } = samplePosition({ openedAt: '2026-11-20T00:00:00Z' });

function cellsOf(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
}

describe('formula-looking cells in a CSV export', () => {
  const dangerous = [
    '=HYPERLINK("http://evil","x")',
    '+1+1',
    '-2+3',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '  =HYPERLINK("http://evil")',
    ' \t+cmd',
    '\u00a0@SUM(A1)',
    '   -1+1',
    ' -12.5',
  ];

  it.each(dangerous)('quotes %j, also after leading whitespace', (cell) => {
    expect(FORMULA_START.test(cell)).toBe(true);
  });

  it.each(['-12.5', '-3', 'Rack 7', '12 = twelve', 'a-b', '0.5'])('leaves %j as it is', (cell) => {
    expect(FORMULA_START.test(cell)).toBe(false);
  });

  it('exports rigs, positions and payments with every formula neutralised', async () => {
    const service = await start();
    await service.call('rigs.create', { ...RIG, name: '=1+1', notes: '  =HYPERLINK("x")' });
    await service.call('rigs.create', { ...RIG, name: 'Rack 7', notes: '\t@SUM(A1)' });
    await service.call('positions.create', { ...POSITION, account: '+cmd|calc', exchange: '@x' });

    const rigs = cellsOf(
      ((await service.call('export.csv', { kind: 'rigs' })) as { csv: string }).csv,
    );
    const header = rigs[0]!;
    const name = header.indexOf('name');
    const notes = header.indexOf('notes');
    expect(rigs.slice(1).map((row) => [row[name], row[notes]])).toEqual([
      ["'=1+1", '\'  =HYPERLINK("x")'],
      ['Rack 7', "'\t@SUM(A1)"],
    ]);

    const positions = cellsOf(
      ((await service.call('export.csv', { kind: 'positions' })) as { csv: string }).csv,
    );
    const account = positions[0]!.indexOf('account');
    const exchange = positions[0]!.indexOf('exchange');
    expect([positions[1]![account], positions[1]![exchange]]).toEqual(["'+cmd|calc", "'@x"]);
  });

  it('keeps a negative figure a number', async () => {
    const service = await start();
    await service.call('settings.update', { electricityPerKwh: '0.50' });
    await service.call('prices.setManual', { asset: 'BTC', usd: '60000' });
    await service.call('network.setManual', {
      coin: 'BTC',
      difficulty: '111758708953857.42',
      blockReward: '3.125',
    });
    await service.call('rigs.create', RIG);

    const { csv } = (await service.call('export.csv', { kind: 'alerts' })) as { csv: string };
    const [header, row] = cellsOf(csv);
    expect(row![header!.indexOf('rule')]).toBe('farm.unprofitable');
    expect(row![header!.indexOf('value')]).toMatch(/^-\d+(\.\d+)?$/);
  });
});

describe('operator text in the printable report', () => {
  it('shows <script> and =HYPERLINK(...) as text', async () => {
    const service = await start();
    await service.call('prices.setManual', { asset: 'BTC', usd: '60000' });
    await service.call('rigs.create', {
      ...RIG,
      name: '<script>alert(1)</script>',
      model: '=HYPERLINK("http://evil","x")',
    });
    await service.call('positions.create', {
      ...POSITION,
      account: '=HYPERLINK("http://evil")',
      exchange: '<svg onload=alert(1)>',
    });
    await service.call('pnl.add', {
      date: '2026-11-02',
      amountUsd: '15',
      note: '<script>steal()</script>',
    });

    const { html } = (await service.call('report.html', { asOf: '2026-11-24' })) as {
      html: string;
    };

    expect(html).not.toMatch(/<script|<svg/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://evil&quot;)');
    expect(html).toContain('&lt;svg onload=alert(1)&gt;');
  });
});
