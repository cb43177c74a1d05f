import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { newDataDir, rpc, startServer } from './fixtures/serve';

// Funding on the demo farm (offline: no exchange is asked, the demo carries a recorded
// Binance rate): the hedge's funding per day beside the position, its history with a
// payment typed in and a ccxt file imported twice but counted once, the reason shown
// where there is no rate, and the hedge planner's monthly carry.
// On a wide screen, where the positions table holds the funding column beside the others
// (on a narrower one it folds into each row's details first).
test.use({ viewport: { width: 1920, height: 1000 } });

test('the demo hedge shows its funding; its history takes a typed payment and a ccxt file once', async ({
  page,
}) => {
  const server = await startServer({ demo: true });
  try {
    const positions = (await rpc(server, 'positions.list', {})).body as { id: string }[];
    const hedgeId = positions[0]?.id ?? '';
    const other = await rpc(server, 'positions.create', {
      account: 'Alt',
      exchange: 'Bybit',
      symbol: 'BTCUSDT',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      kind: 'linear',
      side: 'long',
      size: '0.1',
      entryPrice: '90000',
      leverage: '5',
      marginMode: 'isolated',
      walletBalance: '1800',
      maintenanceMarginRate: '0.005',
      openedAt: '2026-11-20T00:00:00Z',
    });
    const otherId = (other.body as { id: string }).id;

    await page.goto(server.url);
    await page.getByRole('link', { name: 'Positions' }).click();

    // Short 0.5 BTC at the demo mark 91,250, +0.0085 % every 8 h: 0.5 × 91,250 × 0.000085 × 3.
    await expect(page.getByTestId(`funding-day-${hedgeId}`)).toHaveText('$11.63');
    const hedgeRow = page.getByTestId(`position-row-${hedgeId}`);
    await expect(hedgeRow).toContainText('0.0085 %');
    await expect(hedgeRow).toContainText('demo (Binance USDⓈ-M)');
    await expect(hedgeRow).toContainText('next ');
    await expect(page.getByTestId(`funding-day-${otherId}`)).toHaveAttribute(
      'data-missing-reason',
      'No funding rate has been received from Bybit for BTCUSDT yet. Offline mode asks no exchange for funding rates.',
    );

    await hedgeRow.getByRole('button', { name: /Funding history/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Funding of Binance BTCUSDT short');
    const payments = dialog.getByTestId(/^funding-payment-/);
    await expect(payments).toHaveCount(6);

    await dialog.getByLabel('Settlement time (UTC)').fill('2026-11-01T08:00:00Z');
    await dialog.getByLabel('Amount (USDT)').fill('-2.5');
    await dialog.getByRole('button', { name: 'Add payment' }).click();
    await expect(payments).toHaveCount(7);

    const file = join(await newDataDir(), 'funding.json');
    await writeFile(
      file,
      JSON.stringify([
        {
          id: '5550001',
          symbol: 'BTC/USDT:USDT',
          code: 'USDT',
          timestamp: Date.parse('2026-10-30T00:00:00Z'),
          amount: 3.1,
        },
        { id: '5550002', symbol: 'BTC/USDT:USDT', code: 'BTC', timestamp: 1, amount: 1 },
      ]),
    );
    const input = dialog.locator('input[type=file]');
    await input.setInputFiles(file);
    await expect(dialog.getByRole('alert').first()).toHaveText(
      '1 of 2 payments has a problem; nothing was imported.',
    );
    await expect(dialog.getByTestId('import-row-payment-2')).toContainText(
      'Payment 2: it is paid in BTC, but this position settles in USDT.',
    );

    await writeFile(
      file,
      JSON.stringify([
        {
          id: '5550001',
          symbol: 'BTC/USDT:USDT',
          code: 'USDT',
          timestamp: Date.parse('2026-10-30T00:00:00Z'),
          amount: 3.1,
        },
      ]),
    );
    await input.setInputFiles(file);
    await dialog.getByRole('button', { name: 'Import 1 payment' }).click();
    await expect(dialog.getByRole('status')).toHaveText('1 funding payments imported.');
    await expect(payments).toHaveCount(8);

    await input.setInputFiles(file);
    await expect(dialog.getByTestId('import-row-payment-1')).toContainText('already recorded');
    await expect(dialog.getByRole('button', { name: /^Import \d/ })).toBeDisabled();
    await expect(payments).toHaveCount(8);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Plan hedge' }).click();
    await expect(page.getByTestId('hedge-funding-carry')).toHaveText(/^\$[\d,]+\.\d\d$/);
  } finally {
    await server.stop();
  }
});

test('Settings lists the funding-rate feeds; a base URL set there is the one used', async ({
  page,
}) => {
  const server = await startServer({});
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const bybit = page.getByTestId('source-bybit');
    await expect(bybit).toContainText('Bybit funding rates');
    // Public endpoints: no API key to enter.
    await expect(page.getByLabel('Bybit funding rates API key')).toHaveCount(0);
    for (const name of ['binance-usdm', 'binance-coinm', 'okx'])
      await expect(page.getByTestId(`source-${name}`)).toBeVisible();

    // The feeds' addresses are one form with one Save, apart from the price sources'.
    const feeds = page.locator('section', {
      has: page.getByRole('heading', { name: 'Funding-rate feeds' }),
    });
    await feeds.getByLabel('Bybit funding rates base URL').fill('http://127.0.0.1:9/bybit-proxy');
    await feeds.getByRole('button', { name: 'Save funding-rate feeds' }).click();
    await expect(feeds).toContainText('Saved.');
    const settings = (await rpc(server, 'settings.get', {})).body as {
      sources: Record<string, { baseUrl: string; enabled: boolean }>;
    };
    expect(settings.sources.bybit).toEqual({
      enabled: true,
      baseUrl: 'http://127.0.0.1:9/bybit-proxy',
    });
  } finally {
    await server.stop();
  }
});
