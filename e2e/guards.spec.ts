import { expect, test } from '@playwright/test';
import { rpc, startServer } from './fixtures/serve';

// Slips an operator makes with real money, caught before they raise an alert: an LTV typed
// as a fraction and a manual price with a digit missing.

test('a margin-call LTV typed as 0.7 is questioned, and 70% is taken as 70 %', async ({ page }) => {
  const server = await startServer({});
  try {
    await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '100000' });
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Loans' }).click();
    await page.getByRole('button', { name: 'Add loan' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Lender').fill('Harbor Lending');
    await form.getByLabel('Principal').fill('500000');
    await form.getByLabel('APR').fill('12%');
    await form.getByLabel('Term').fill('12');
    await form.getByLabel('Collateral amount').fill('10');

    await form.getByLabel('Margin-call LTV').fill('0.7');
    await expect(form).toContainText('0.7 looks like a fraction: did you mean 70 %?');
    // Save says why rather than sitting disabled: the field keeps its reason and takes focus.
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByTestId('form-problems')).toContainText('check Margin-call LTV');
    await expect(form.getByLabel('Margin-call LTV')).toBeFocused();
    expect((await rpc(server, 'loans.list', {})).body).toEqual([]);

    await form.getByLabel('Margin-call LTV').fill('70%');
    await form.getByLabel('Liquidation LTV').fill('80 %');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('cell', { name: /Harbor Lending/ })).toBeVisible();
    const [loan] = (await rpc(server, 'loans.list', {})).body as Record<string, unknown>[];
    expect(loan).toMatchObject({ aprPct: '12', marginCallLtvPct: '70', liquidationLtvPct: '80' });
  } finally {
    await server.stop();
  }
});

test('a manual price of 6,200 for a 62,000 BTC asks "did you mean $62,000.00?"', async ({
  page,
}) => {
  const server = await startServer({});
  try {
    await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '62000' });
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const asset = page.getByLabel('Asset');
    await asset.fill('BTC');
    await page.getByLabel('Price in USD').fill('6200');
    await page.getByRole('button', { name: 'Set price' }).click();

    const question = page.getByRole('dialog');
    await expect(question.getByRole('heading')).toHaveText('Did you mean $62,000.00?');
    await expect(question.getByTestId('price-question')).toContainText(
      'You typed $6,200.00 for BTC; the last known price is $62,000.00 (-90 %).',
    );
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect((await rpc(server, 'snapshot.get', {})).body).toMatchObject({
      prices: { BTC: { usd: '62000' } },
    });

    await page.getByRole('button', { name: 'Set price' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, set $6,200.00' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByTestId('manual-price-BTC')).toContainText('BTC at $6,200.00');
  } finally {
    await server.stop();
  }
});

test('the Rigs page reads efficiency in each algorithm’s unit', async ({ page }) => {
  const server = await startServer({});
  try {
    // Spec sheets: Antminer L7 9,500 MH/s at 3,425 W; Antminer S21 200 TH/s at 3,500 W.
    const base = { quantity: 1, poolFeePct: '0', status: 'active' };
    await rpc(server, 'rigs.create', {
      ...base,
      name: 'L7 row',
      coin: 'LTC',
      hashrate: '9500',
      hashrateUnit: 'MH/s',
      powerWatts: '3425',
    });
    await rpc(server, 'rigs.create', {
      ...base,
      name: 'S21 row',
      coin: 'BTC',
      hashrate: '200',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
    });
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Rigs' }).click();
    await expect(page.getByRole('row', { name: /L7 row/ })).toContainText('360.5 J/GH');
    await expect(page.getByRole('row', { name: /S21 row/ })).toContainText('17.5 J/TH');
  } finally {
    await server.stop();
  }
});
