import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';
import { startFakePriceServer } from './fixtures/fake-price-server';
import { writeFarm } from './fixtures/farm-files';
import { newDataDir, rpc, startServer } from './fixtures/serve';

// Forms that never lose or silently refuse what the operator typed, and record pages that
// say why: every Settings section saved on its own and read back after a reload (price
// sources with one Save for all of them), a question naming the section before leaving
// typed changes, a rig host refused in words, a rig's offline reason on its row, a payment
// checked against its loan, and focus kept in the list after a removal.

/** A local port nothing listens on: a rig there refuses the connection. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

test('price sources: one Save stores every address typed, read back after a reload', async ({
  page,
}) => {
  const server = await startServer({});
  try {
    await page.goto(`${server.url}#/settings`);
    const binance = page.getByLabel('Binance base URL');
    const kraken = page.getByLabel('Kraken base URL');
    await binance.fill('https://binance.example.net');
    await kraken.fill('https://kraken.example.net');
    // Each label focuses its own field (ids are unique per form).
    await page.locator('label', { hasText: 'Kraken base URL' }).click();
    await expect(kraken).toBeFocused();
    await expect(
      page.getByRole('button', { name: /^Save (CoinGecko|Binance|Kraken)/ }),
    ).toHaveCount(0);
    await page.getByRole('button', { name: 'Save price sources' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('Binance base URL')).toHaveValue('https://binance.example.net');
    await expect(page.getByLabel('Kraken base URL')).toHaveValue('https://kraken.example.net');
    const settings = (await rpc(server, 'settings.get', {})).body as {
      sources: Record<string, { baseUrl: string }>;
    };
    expect(settings.sources.binance?.baseUrl).toBe('https://binance.example.net');
    expect(settings.sources.kraken?.baseUrl).toBe('https://kraken.example.net');
  } finally {
    await server.stop();
  }
});

test('every Settings section saves on its own and says Saved. once stored; a reload reads each back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const server = await startServer({});
  try {
    await page.goto(`${server.url}#/settings`);
    const section = (title: string) =>
      page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: title }) });
    // One Save per section, none for the whole page.
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);

    const farm = section('Farm and polling');
    await farm.getByLabel('Electricity cost').fill('0.071');
    await farm.getByLabel('Feed poll interval').fill('0');
    await farm.getByRole('button', { name: 'Save farm and polling' }).click();
    // A value the contract refuses is said on its field, and nothing is saved.
    await expect(farm.getByLabel('Feed poll interval')).toHaveAccessibleDescription(
      'Poll at most once a second.',
    );
    await expect(farm.getByText('Saved.')).toHaveCount(0);
    await farm.getByLabel('Feed poll interval').fill('30');
    await farm.getByLabel('Stale after').fill('240');
    await farm.getByRole('button', { name: 'Save farm and polling' }).click();
    await expect(farm.getByText('Saved.')).toBeVisible();

    const thresholds = section('Alert thresholds');
    await thresholds.getByLabel('Position warning').fill('12');
    await thresholds.getByRole('button', { name: 'Save thresholds' }).click();
    await expect(thresholds.getByText('Saved.')).toBeVisible();
    // A switch saves as it is flipped and says so beside it.
    await thresholds.getByLabel('Desktop notifications').click();
    await expect(thresholds.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    const risk = section('Odds and runway');
    await risk.getByLabel('Odds alert at').fill('15');
    await risk.getByRole('button', { name: 'Save odds and runway' }).click();
    await expect(risk.getByText('Saved.')).toBeVisible();

    const channels = section('Notification channels');
    await channels.getByLabel('Repeat critical alerts every').fill('15');
    await channels.getByRole('button', { name: 'Save escalation' }).click();
    await expect(channels.getByText('Saved.')).toBeVisible();

    const settings = (await rpc(server, 'settings.get', {})).body as {
      electricityPerKwh: string;
      staleAfterSec: number;
      pollIntervalSec: number;
      thresholds: { positionWarningPct: string };
      risk: { oddsAlertPct: string };
      notifications: { desktop: boolean; escalation: { afterMinutes: number } };
    };
    expect(settings).toMatchObject({
      electricityPerKwh: '0.071',
      staleAfterSec: 240,
      pollIntervalSec: 30,
      thresholds: { positionWarningPct: '12' },
      risk: { oddsAlertPct: '15' },
      notifications: { desktop: false, escalation: { afterMinutes: 15 } },
    });

    await page.reload();
    await expect(section('Farm and polling').getByLabel('Electricity cost')).toHaveValue('0.071');
    await expect(section('Farm and polling').getByLabel('Stale after')).toHaveValue('240');
    await expect(section('Farm and polling').getByLabel('Feed poll interval')).toHaveValue('30');
    await expect(section('Alert thresholds').getByLabel('Position warning')).toHaveValue('12');
    await expect(section('Alert thresholds').getByLabel('Desktop notifications')).not.toBeChecked();
    await expect(section('Odds and runway').getByLabel('Odds alert at')).toHaveValue('15');
    await expect(
      section('Notification channels').getByLabel('Repeat critical alerts every'),
    ).toHaveValue('15');
  } finally {
    await server.stop();
  }
});

test('leaving typed changes asks first; staying keeps them', async ({ page }) => {
  const server = await startServer({});
  try {
    await page.goto(`${server.url}#/settings`);
    await page.getByLabel('Binance base URL').fill('https://typed.example.net');
    await expect(page.getByTestId('unsaved').first()).toHaveText('Changes not saved yet.');

    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Rigs' }).click();
    await expect
      .poll(() => asked)
      .toEqual(['You have changes that are not saved in Price sources. Leave and lose them?']);
    await expect(page).toHaveTitle('Settings — RigLedger');
    await expect(page.getByLabel('Binance base URL')).toHaveValue('https://typed.example.net');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('link', { name: 'Rigs' }).click();
    await expect(page).toHaveTitle('Rigs — RigLedger');

    // A dialog form asks too before its typing is thrown away.
    await page.getByRole('button', { name: 'Add rig' }).click();
    await page.getByLabel('Name').fill('Rack 9');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'Discard your changes?' })).toBeVisible();
    await page.getByRole('button', { name: 'Keep editing' }).click();
    await expect(page.getByLabel('Name')).toHaveValue('Rack 9');
  } finally {
    await server.stop();
  }
});

test('a rig host of 192.168.1.300 is refused in words; an unreachable rig says why on its row', async ({
  page,
}) => {
  const prices = await startFakePriceServer();
  const dataDir = await newDataDir();
  await writeFarm(dataDir, prices.url);
  const server = await startServer({ dataDir, offline: false });
  try {
    await page.goto(`${server.url}#/rigs`);
    await page.getByRole('button', { name: 'Add rig' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Name').fill('Rack 1');
    await form.getByLabel('Hash rate', { exact: true }).fill('200');
    await form.getByLabel('Power (W)').fill('3500');
    await form.getByLabel('Miner API host').fill('192.168.1.300');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toContainText(
      '192.168.1.300 is not an IP address: each of its four numbers is between 0 and 255.',
    );
    await expect(form.getByLabel('Miner API host')).toBeFocused();
    expect((await rpc(server, 'rigs.list', {})).body).toEqual([]);

    const port = await closedPort();
    await form.getByLabel('Miner API host').fill('127.0.0.1');
    await form.getByLabel('Miner API port').fill(String(port));
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);

    const reason = `The rig at 127.0.0.1:${port} refused the connection (is its API enabled?).`;
    const [rig] = (await rpc(server, 'rigs.list', {})).body as { id: string }[];
    const offline = page.getByTestId(`rig-offline-${rig?.id}`);
    await expect(offline).toBeVisible({ timeout: 20_000 });
    await offline.hover();
    await expect(page.getByRole('tooltip')).toHaveText(reason);
    await page
      .getByTestId(`rig-row-${rig?.id}`)
      .getByRole('button', { name: 'Show details of Rack 1' })
      .click();
    await expect(page.getByTestId(`rig-offline-reason-${rig?.id}`)).toContainText(reason);
  } finally {
    await server.stop();
    await prices.close();
  }
});

test('a payment larger than the balance or dated before the loan is refused in the form', async ({
  page,
}) => {
  const server = await startServer({});
  try {
    const created = await rpc(server, 'loans.create', {
      lender: 'Harbor',
      principal: '1000',
      aprPct: '0',
      dayCount: 365,
      startDate: '2026-01-10',
      termMonths: 12,
      repayment: 'bullet',
      collateral: [{ asset: 'BTC', amount: '1' }],
      marginCallLtvPct: '70',
      liquidationLtvPct: '80',
    });
    expect(created.status).toBe(200);
    await page.goto(`${server.url}#/loans`);
    await page.getByRole('button', { name: 'Add payment to Harbor' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Payment date').fill('2026-01-09');
    await form.getByLabel('Amount').fill('1000.01');
    await form.getByRole('button', { name: 'Add payment' }).click();
    await expect(form).toContainText(
      'The loan started on 2026-01-10; a payment cannot be dated before that.',
    );
    await expect(form).toContainText('That is more than the 1,000.00 USD the loan owes now.');
    await expect(form.getByTestId('form-problems')).toContainText('check Payment date, Amount');
    const [loan] = (await rpc(server, 'loans.list', {})).body as { payments: unknown[] }[];
    expect(loan?.payments).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('after a removal, focus goes to the next row of the list', async ({ page }) => {
  const server = await startServer({});
  try {
    for (const name of ['Rack A', 'Rack B']) {
      const rig = { name, coin: 'BTC', hashrate: '200', hashrateUnit: 'TH/s', powerWatts: '3500' };
      expect((await rpc(server, 'rigs.create', { ...rig, quantity: 1 })).status).toBe(200);
    }
    await page.goto(`${server.url}#/rigs`);
    await page.getByRole('button', { name: 'Remove Rack A' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByRole('button', { name: 'Remove Rack B' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    // The list is empty: focus goes to "Add rig", never to the top of the document.
    await expect(page.getByRole('button', { name: 'Add rig' })).toBeFocused();
  } finally {
    await server.stop();
  }
});
