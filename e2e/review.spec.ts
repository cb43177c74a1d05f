import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { rpc, startServer, type RunningServer } from './fixtures/serve';

// The offline review: books moved between farms as one JSON file, the report a lender
// is handed, and imports that refuse a bad file without storing any of it.

async function openReview(page: Page, server: RunningServer) {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { name: 'Review', level: 1 })).toBeVisible();
}

async function records(server: RunningServer) {
  const { body } = await rpc(server, 'snapshot.get', {});
  const snapshot = body as {
    rigs: { id: string; name: string; nominalHs: string; powerCostUsdPerDay: string }[];
    loans: { id: string; lender: string; principal: string; outstanding: string }[];
    positions: { id: string; symbol: string; size: string; liquidationPrice: string | null }[];
  };
  return {
    rigs: snapshot.rigs.map(({ id, name, nominalHs, powerCostUsdPerDay }) => ({
      id,
      name,
      nominalHs,
      powerCostUsdPerDay,
    })),
    loans: snapshot.loans.map(({ id, lender, principal, outstanding }) => ({
      id,
      lender,
      principal,
      outstanding,
    })),
    positions: snapshot.positions.map(({ id, symbol, size, liquidationPrice }) => ({
      id,
      symbol,
      size,
      liquidationPrice,
    })),
  };
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

test('everything exported from one farm imports into an empty one with the same figures', async ({
  page,
}) => {
  // Two hosts and two page loads: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const [source, target] = await Promise.all([startServer({ demo: true }), startServer({})]);
  try {
    await openReview(page, source);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^rigledger-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = await readFile(await download.path());
    const expected = await records(source);
    expect(expected.rigs.length).toBeGreaterThan(0);

    await openReview(page, target);
    await chooseFile(page, 'Import backup', {
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: backup,
    });
    const preview = page.getByRole('dialog');
    // Columns: records, now, in the file, added, removed, changed.
    const rigCells = preview.getByTestId('backup-preview-rigs').getByRole('cell');
    await expect(rigCells).toHaveText([
      'Rigs',
      '0',
      String(expected.rigs.length),
      String(expected.rigs.length),
      '0',
      '0',
    ]);
    await expect(preview.getByTestId('backup-preview-loans').getByRole('cell').nth(3)).toHaveText(
      String(expected.loans.length),
    );
    await preview.getByRole('button', { name: 'Replace with this backup' }).click();
    await expect(page.getByTestId('backup-import-outcome')).toContainText('Backup imported');
    await expect(preview).toBeHidden();

    expect(await records(target)).toEqual(expected);
    await page.getByRole('link', { name: 'Overview' }).click();
    const debt = page.getByTestId('farm-debt');
    await expect(debt).toHaveText(/^\$[\d,]+\.\d{2}$/);
    const targetDebt = await debt.textContent();
    await page.goto(source.url);
    await expect(page.getByTestId('farm-debt')).toHaveText(targetDebt ?? '');
  } finally {
    await Promise.all([source.stop(), target.stop()]);
  }
});

test('a backup the service refuses shows its sentence and changes nothing', async ({ page }) => {
  const server = await startServer({ demo: true });
  try {
    const exported = (await rpc(server, 'backup.export', {})).body as {
      database: { rigs: Record<string, unknown>[] };
    };
    const [first, ...rest] = exported.database.rigs;
    const spoiled = {
      ...exported,
      database: { ...exported.database, rigs: [{ ...first, hashrate: '-5' }, ...rest] },
    };
    const before = await rpc(server, 'rigs.list', {});

    await openReview(page, server);
    await chooseFile(page, 'Import backup', {
      name: 'spoiled.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(spoiled)),
    });
    await expect(page.getByTestId('backup-import-outcome')).toContainText('hashrate');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await chooseFile(page, 'Import backup', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not json at all'),
    });
    await expect(page.getByTestId('backup-import-outcome')).toContainText(
      'notes.txt is not a JSON file',
    );
    expect((await rpc(server, 'rigs.list', {})).body).toEqual(before.body);
  } finally {
    await server.stop();
  }
});

test('the HTML report downloads and names the lender with dollar figures', async ({
  page,
  context,
}) => {
  const server = await startServer({ demo: true });
  try {
    const [loan] = (await rpc(server, 'loans.list', {})).body as { id: string; lender: string }[];
    expect(loan).toBeDefined();
    await openReview(page, server);
    await expect(page.getByTestId(`review-loan-${loan!.id}`)).toContainText(loan!.lender);
    await expect(page.locator('[data-testid^="review-month-"]').first()).toBeVisible();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download report (HTML)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    const html = await readFile(await download.path(), 'utf8');

    const report = await context.newPage();
    await report.setContent(html);
    await expect(report.getByRole('heading', { name: loan!.lender })).toBeVisible();
    await expect(report.locator('body')).toContainText(/\$\d[\d,]*\.\d{2}/);
    await report.close();
  } finally {
    await server.stop();
  }
});
