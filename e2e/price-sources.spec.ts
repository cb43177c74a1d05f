import { expect, test } from '@playwright/test';
import { startFakePriceServer } from './fixtures/fake-price-server';
import { writeFarm } from './fixtures/farm-files';
import { newDataDir, startServer } from './fixtures/serve';

// The Settings page lists the price sources the service polls, by the names the service
// gives them, and a source switched off there is switched off in the feeds.

test('Settings lists every price source from the service and switches one off', async ({
  page,
}) => {
  const prices = await startFakePriceServer();
  const dataDir = await newDataDir();
  await writeFarm(dataDir, prices.url);
  const server = await startServer({ dataDir, offline: false });
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const sources: [name: string, label: string][] = [
      ['coingecko', 'CoinGecko'],
      ['binance', 'Binance'],
      ['kraken', 'Kraken'],
      ['mempool', 'mempool.space'],
    ];
    for (const [name, label] of sources) {
      await expect(page.getByTestId(`source-${name}`)).toContainText(label);
      await expect(page.getByTestId(`feed-${name}`)).toContainText(label);
    }
    await expect(page.getByTestId('feed-mempool-chain')).toContainText('mempool.space chain stats');

    const krakenSwitch = page.getByLabel('Kraken enabled');
    await expect(krakenSwitch).toBeChecked();
    await krakenSwitch.click();
    await expect(krakenSwitch).not.toBeChecked();
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.getByTestId('feed-kraken')).toContainText('Disabled');
  } finally {
    await server.stop();
    await prices.close();
  }
});
