import { expect, test } from '@playwright/test';
import { largeFarmBackup } from '../bench/large-farm';
import { rpc, startServer } from './fixtures/serve';

// The large farm in the browser: 2,000 rigs open on the Rigs page and sort, with only
// the rows in view rendered; on a phone its 1,000 positions are cards, 25 at a time. The times are printed for the record; the assertions are
// what the operator sees.

test('the Rigs page of a 2,000-rig farm shows its first rows and sorts', async ({ page }) => {
  test.setTimeout(180_000);
  const server = await startServer({});
  try {
    // The farm as the benchmark loads it: the generated backup with this server's settings.
    const backup = largeFarmBackup(new Date());
    const settings = await rpc(server, 'settings.get', {});
    const imported = await rpc(server, 'backup.import', {
      ...backup,
      database: { ...backup.database, settings: settings.body },
      // The generated farm pins LTC's network figures by hand, which the import asks about.
      confirmSilencing: true,
    });
    expect(imported.status).toBe(200);
    await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '91000' });

    const loading = Date.now();
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByLabel('Loading the farm')).toHaveCount(0, { timeout: 90_000 });
    console.log(`Large farm: Overview with figures ${Date.now() - loading} ms after opening`);
    // The Overview lists the positions and loans nearest trouble, with a way to the rest.
    await expect(page.locator('[data-testid^="position-distance-"]')).toHaveCount(8);
    await expect(page.locator('[data-testid^="loan-health-"]')).toHaveCount(8);
    await expect(page.getByRole('link', { name: 'See all 1000 positions' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See all 200 loans' })).toBeVisible();

    const rows = page.locator('tbody tr[data-testid^="rig-row-"]');
    const opening = Date.now();
    await page.getByRole('link', { name: 'Rigs' }).click();
    await expect(page.getByTestId('rig-row-rig-0')).toBeVisible({ timeout: 30_000 });
    console.log(
      `Rigs page, 2,000 rigs: first rows visible ${Date.now() - opening} ms after the click`,
    );
    await expect(rows.first()).toHaveAttribute('data-testid', 'rig-row-rig-0');
    // Only the rows in view (and a few either side) are in the page.
    expect(await rows.count()).toBeLessThan(100);

    // Hash rate, largest first: 219 TH/s (rigs #39, #79, …), the LTC rigs' 9.5 GH/s last.
    const sortHashRate = page.getByRole('button', { name: 'Hash rate' });
    const sorting = Date.now();
    await sortHashRate.click();
    await sortHashRate.click();
    await expect(rows.first()).toContainText('219 TH/s');
    console.log(`Rigs page, 2,000 rigs: sorted by hash rate in ${Date.now() - sorting} ms`);
    await expect(rows.first()).toBeVisible();
    await sortHashRate.click();
    await expect(rows.first()).toContainText(/L7 #\d+/);
  } finally {
    await server.stop();
  }
});

test('on a phone the 1,000 positions of the large farm are cards, 25 at a time', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const server = await startServer({});
  try {
    const backup = largeFarmBackup(new Date());
    const settings = await rpc(server, 'settings.get', {});
    const imported = await rpc(server, 'backup.import', {
      ...backup,
      database: { ...backup.database, settings: settings.body },
      confirmSilencing: true,
    });
    expect(imported.status).toBe(200);
    await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '91000' });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}#/overview`);
    await expect(page.getByLabel('Loading the farm')).toHaveCount(0, { timeout: 90_000 });
    const cards = page.locator('article[data-testid^="position-row-"]');
    const opening = Date.now();
    await page.evaluate(() => (window.location.hash = '#/positions'));
    await expect(cards.first()).toBeVisible({ timeout: 30_000 });
    console.log(
      `Positions page at 390 px, 1,000 positions: first cards ${Date.now() - opening} ms`,
    );
    await expect(cards).toHaveCount(25);
    await expect(page.locator('tr[data-record-row]')).toHaveCount(0);

    const more = page.getByRole('button', { name: 'Show 25 more of 975' });
    await more.click();
    await expect(cards).toHaveCount(50);
    // The filter looks through all of them: account-9 holds every tenth position.
    await page.getByLabel('Filter positions').fill('account-9');
    await expect(cards).toHaveCount(25);
    await expect(page.getByRole('button', { name: 'Show 25 more of 75' })).toBeVisible();
    for (const text of await cards.allTextContents()) expect(text).toContain('account-9');
  } finally {
    await server.stop();
  }
});
