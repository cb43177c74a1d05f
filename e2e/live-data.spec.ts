import { expect, test } from '@playwright/test';
import { startFakePriceServer } from './fixtures/fake-price-server';
import { LONG_BTC, writeFarm } from './fixtures/farm-files';
import { newDataDir, startServer } from './fixtures/serve';

// Live data and alerts as an operator meets them: the dashboard follows the feeds without
// a reload, and a price move toward liquidation puts a critical alert in front of them.

test('a price that moves on the feeds reaches the Overview without a reload', async ({ page }) => {
  const prices = await startFakePriceServer();
  prices.setPrice('BTC', '67000');
  const dataDir = await newDataDir();
  await writeFarm(dataDir, prices.url);
  const server = await startServer({ dataDir, offline: false });
  try {
    await page.goto(server.url);
    await expect(page.getByTestId('price-BTC')).toContainText('$67,000.00');
    prices.setPrice('BTC', '68123.45');
    await expect(page.getByTestId('price-BTC')).toContainText('$68,123.45');
  } finally {
    await server.stop();
    await prices.close();
  }
});

test('a price move toward liquidation raises a critical alert in the browser', async ({
  page,
  context,
}) => {
  // The operator allowed system notifications; record what the page shows through the API.
  await context.grantPermissions(['notifications']);
  await page.addInitScript(() => {
    const shown: string[] = [];
    Object.assign(window, { shownNotifications: shown });
    const Native = window.Notification;
    class Recording extends Native {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(`${title}: ${options?.body ?? ''}`);
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recording });
  });
  const prices = await startFakePriceServer();
  prices.setPrice('BTC', '70000');
  const dataDir = await newDataDir();
  await writeFarm(dataDir, prices.url, (db) => db.positions.push(LONG_BTC));
  const server = await startServer({ dataDir, offline: false });
  try {
    await page.goto(server.url);
    await expect(page.getByTestId('price-BTC')).toContainText('$70,000.00');
    await expect(page.getByTestId('critical-alerts')).toHaveCount(0);

    const movedAt = Date.now();
    prices.setPrice('BTC', '57000');
    const banner = page.getByTestId('critical-alerts');
    await expect(banner).toContainText('from liquidation at $54,221.11');
    const latencyMs = Date.now() - movedAt;
    await expect(page.getByRole('link', { name: /Alerts/ })).toContainText('1');
    console.log(`feed price change → critical alert banner: ${latencyMs} ms (poll interval 1 s)`);
    expect(latencyMs).toBeLessThan(10_000);
    const shown = () =>
      page.evaluate(
        () => (window as unknown as { shownNotifications: string[] }).shownNotifications,
      );
    await expect
      .poll(shown)
      .toEqual([expect.stringMatching(/^RigLedger: critical: .*from liquidation at \$54,221\.11/)]);
  } finally {
    await server.stop();
    await prices.close();
  }
});
