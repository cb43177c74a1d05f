import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { rpc, startServer, type RunningServer } from './fixtures/serve';

// The books an operator keeps: imports that take the good rows and hand back the bad ones
// to fix, closed months that stay closed, a position closed into its realised PnL, and a
// farm moved to an empty folder with its history.

const SHOTS = process.env.RIGLEDGER_SCREENSHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function openReview(page: Page, server: RunningServer) {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { name: 'Review', level: 1 })).toBeVisible();
}

async function chooseFile(
  page: Page,
  button: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles(file);
}

/** The monthly P&L rows as the operator reads them, by month. */
async function monthRows(page: Page): Promise<Record<string, string>> {
  const rows = page.locator('[data-testid^="review-month-"]');
  await expect(rows.first()).toBeVisible();
  const entries: [string, string][] = [];
  for (const row of await rows.all()) {
    const id = (await row.getAttribute('data-testid')) ?? '';
    entries.push([id.replace('review-month-', ''), (await row.innerText()).replace(/\s+/g, ' ')]);
  }
  return Object.fromEntries(entries);
}

test('a rigs CSV with bad rows imports the good ones and lists the bad, to download and fix', async ({
  page,
}) => {
  const server = await startServer({ demo: true });
  try {
    const before = (await rpc(server, 'rigs.list', {})).body as unknown[];
    const header = 'name,coin,hashrate,hashrateUnit,powerWatts,quantity';
    const csv = [
      header,
      'Good rig,BTC,110,TH/s,3250,2',
      'Bad hash,BTC,fast,TH/s,3250,2',
      'Second good,LTC,9.5,GH/s,3425,4',
      'Doge rig,DOGE,1,GH/s,3000,1',
      'Half rig,BTC,110,TH/s,3250,2.5',
    ].join('\n');

    await openReview(page, server);
    await chooseFile(page, 'Import rigs from CSV', {
      name: 'rigs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const report = page.getByRole('dialog');
    await expect(report.getByTestId('import-row-line-2')).toContainText('ok');
    await expect(report.getByTestId('import-row-line-3')).toContainText(
      'Line 3: Hash rate: Enter a plain decimal number',
    );
    await expect(report.getByTestId('import-row-line-5')).toContainText(
      'the coin "DOGE" is unknown',
    );
    await expect(report.getByTestId('import-row-line-6')).toContainText('Line 6: Quantity:');
    await expect(report).not.toContainText('hashrate:');
    await expect(report.getByRole('status')).toContainText(
      '2 rows are ready to import; 3 rows have problems and will be left out',
    );
    await shot(page, 'rigs-csv-check');

    const downloading = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Download rows with problems (CSV)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('rigs-to-fix.csv');
    expect(await readFile(await download.path(), 'utf8')).toBe(
      [
        header,
        'Bad hash,BTC,fast,TH/s,3250,2',
        'Doge rig,DOGE,1,GH/s,3000,1',
        'Half rig,BTC,110,TH/s,3250,2.5',
      ].join('\n'),
    );

    await report.getByRole('button', { name: 'Import 2 rigs, leave out the rest' }).click();
    await expect(report).toBeHidden();
    const outcome = page.getByTestId('rigs-import-outcome');
    await expect(outcome).toContainText(
      '2 rigs imported. 3 rows have problems and were left out: fix them and import them again.',
    );
    await expect(
      outcome.getByRole('button', { name: 'Download the rows left out (CSV)' }),
    ).toBeVisible();
    await shot(page, 'rigs-csv-imported');
    const after = (await rpc(server, 'rigs.list', {})).body as { name: string }[];
    expect(after).toHaveLength(before.length + 2);
    expect(after.slice(-2).map((r) => r.name)).toEqual(['Good rig', 'Second good']);
  } finally {
    await server.stop();
  }
});

test('adding a rig today leaves every closed month’s P&L unchanged', async ({ page }) => {
  const server = await startServer({ demo: true });
  try {
    await openReview(page, server);
    const before = await monthRows(page);
    const thisMonth = new Date().toISOString().slice(0, 7);
    const closedMonths = Object.keys(before).filter((m) => m < thisMonth);
    expect(closedMonths.length).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Rigs' }).click();
    await page.getByRole('button', { name: 'Add rig' }).click();
    await page.getByLabel('Name').fill('Rack 9 – S21 XP');
    await page.getByLabel('Hash rate', { exact: true }).fill('270');
    await page.getByLabel('Power (W)').fill('3645');
    await page.getByLabel('Quantity').fill('400');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('cell', { name: 'Rack 9 – S21 XP' })).toBeVisible();

    await page.getByRole('link', { name: 'Review' }).click();
    const after = await monthRows(page);
    for (const month of closedMonths) expect(after[month], month).toBe(before[month]);
    await shot(page, 'review-closed-months');
  } finally {
    await server.stop();
  }
});

test('closing a position records its realised PnL and takes it off the book', async ({ page }) => {
  const server = await startServer({ demo: true });
  try {
    const [position] = (await rpc(server, 'positions.list', {})).body as {
      id: string;
      exchange: string;
      symbol: string;
      side: string;
      size: string;
      entryPrice: string;
    }[];
    if (!position) throw new Error('The demo farm has no position.');
    const name = `${position.exchange} ${position.symbol} ${position.side}`;

    await page.goto(server.url);
    await page.getByRole('link', { name: 'Positions' }).click();
    await page.getByRole('button', { name: `Close ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Exit price (USD)')).not.toHaveValue('');
    // Closed 1,000 below entry: a short gains 1,000 × size.
    const exit = String(Number(position.entryPrice) - 1000);
    await dialog.getByLabel('Exit price (USD)').fill(exit);
    await shot(page, 'position-close-dialog');
    await dialog.getByRole('button', { name: 'Close position' }).click();
    await expect(dialog).toBeHidden();

    const closed = page.getByTestId('position-closed');
    const { body: pnl } = await rpc(server, 'pnl.list', {});
    const [entry] = pnl as { id: string; amountUsd: string; positionId: string }[];
    expect(entry?.positionId).toBe(position.id);
    expect(Number(entry?.amountUsd)).toBeCloseTo(
      (position.side === 'short' ? 1000 : -1000) * Number(position.size),
      2,
    );
    await expect(closed).toContainText(`${name} closed at`);
    await expect(closed).toContainText('realised PnL');
    await expect(page.getByTestId(`position-row-${position.id}`)).toHaveCount(0);
    await shot(page, 'position-closed');

    await page.getByRole('link', { name: 'Review' }).click();
    await expect(page.getByTestId(`review-pnl-${entry?.id}`)).toContainText('Closed');
  } finally {
    await server.stop();
  }
});

test('everything exported imports into an empty folder with its history: past months keep their revenue', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const [source, target] = await Promise.all([startServer({ demo: true }), startServer({})]);
  try {
    await openReview(page, source);
    const sourceMonths = await monthRows(page);
    const thisMonth = new Date().toISOString().slice(0, 7);
    const pastWithHistory = Object.entries(sourceMonths).filter(
      ([month, text]) =>
        month < thisMonth && /\$[\d,]+\.\d{2}/.test(text) && !/no history/i.test(text),
    );
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const backup = await readFile(await (await downloading).path());

    await openReview(page, target);
    await chooseFile(page, 'Import backup', {
      name: 'rigledger-backup.json',
      mimeType: 'application/json',
      buffer: backup,
    });
    const preview = page.getByRole('dialog');
    await expect(preview.getByTestId('backup-preview-history')).toContainText(
      /This file brings [\d,]+ history points in \d+ series from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} including the farm’s revenue/,
    );
    await shot(page, 'backup-preview-history');
    await preview.getByRole('button', { name: 'Replace with this backup' }).click();
    await expect(page.getByTestId('backup-import-outcome')).toContainText('Backup imported');

    await page.reload();
    const targetMonths = await monthRows(page);
    const lastPast = pastWithHistory.at(-1);
    expect(lastPast, 'the demo has history in a past month').toBeDefined();
    for (const [month] of pastWithHistory)
      expect(targetMonths[month], month).toBe(sourceMonths[month]);
  } finally {
    await Promise.all([source.stop(), target.stop()]);
  }
});
