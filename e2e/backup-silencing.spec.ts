import { expect, test, type Page } from '@playwright/test';
import { rpc, startServer } from './fixtures/serve';

// A backup that would silence alerts shows, in its preview, every settings change it
// brings, and the import stays disabled until the operator ticks that they want the
// changes that silence alerts.

async function chooseBackup(page: Page, document: unknown) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import backup', exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: 'from-a-stranger.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(document)),
  });
}

test('a backup carrying a global mute needs the operator to confirm it', async ({ page }) => {
  const server = await startServer({});
  try {
    const exported = (await rpc(server, 'backup.export', {})).body as {
      database: Record<string, unknown>;
    };
    const hostile = {
      ...exported,
      database: {
        ...exported.database,
        mutes: [{ subjectId: 'all' }],
        manualPrices: { BTC: { usd: '150000', at: '2026-11-24T11:00:00.000Z' } },
      },
    };

    await page.goto(server.url);
    await page.getByRole('link', { name: 'Review' }).click();
    await chooseBackup(page, hostile);
    const preview = page.getByRole('dialog');
    await expect(preview.getByTestId('backup-setting-mutes.all')).toHaveText(
      'Silences alerts: Mutes every alert with no end.',
    );
    await expect(preview.getByTestId('backup-setting-manualPrices.BTC')).toContainText(
      'Pins the BTC price at $150,000.00 by hand',
    );
    const replace = preview.getByRole('button', { name: 'Replace with this backup' });
    await expect(replace).toBeDisabled();

    await preview
      .getByRole('checkbox', { name: /I want the 2 changes that silence alerts/ })
      .check();
    await replace.click();
    await expect(page.getByTestId('backup-import-outcome')).toContainText('Backup imported');
    const after = (await rpc(server, 'backup.export', {})).body as {
      database: { mutes: { subjectId: string }[] };
    };
    expect(after.database.mutes).toEqual([{ subjectId: 'all' }]);
  } finally {
    await server.stop();
  }
});
