import { expect, test } from '@playwright/test';
import { rpc, startServer } from './fixtures/serve';

// The finance engine as an operator meets it: a loan and a position entered in the
// forms, their figures on the Overview, checked against the worked examples of docs/formulas-loans.md and
// docs/formulas-positions.md.

test('a loan and a position entered in the UI show their figures on the Overview', async ({
  page,
}) => {
  const server = await startServer({});
  try {
    await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '100000' });
    await page.goto(server.url);

    // $500,000 on 10 BTC, margin call at 70 % → $71,428.57, liquidation at 80 % → $62,500.
    await page.getByRole('link', { name: 'Loans' }).click();
    await page.getByRole('button', { name: 'Add loan' }).click();
    await page.getByLabel('Lender').fill('Harbor Lending');
    await page.getByLabel('Principal').fill('500000');
    await page.getByLabel('APR').fill('12');
    await page.getByLabel('Term').fill('12');
    await page.getByLabel('Repayment').selectOption('bullet');
    await page.getByLabel('Collateral amount').fill('10');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('cell', { name: /Harbor Lending/ })).toBeVisible();

    // docs/formulas-positions.md: long 1 BTC at 60,000, isolated WB 6,000, MMR 0.005, cum 50 → $54,221.11.
    await page.getByRole('link', { name: 'Positions' }).click();
    await page.getByRole('button', { name: 'Add position' }).click();
    await page.getByLabel('Account').fill('Main');
    await page.getByLabel('Exchange').fill('Binance');
    await page.getByLabel('Symbol').fill('BTCUSDT');
    await page.getByLabel('Side').selectOption('long');
    await page.getByLabel('Size').fill('1');
    await page.getByLabel('Entry price').fill('60000');
    await page.getByLabel('Leverage').fill('10');
    await page.getByLabel('Wallet balance').fill('6000');
    await page.getByLabel('Maintenance amount').fill('50');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('cell', { name: /BTCUSDT/ }).first()).toBeVisible();

    await page.getByRole('link', { name: 'Overview' }).click();
    const [loan] = (await rpc(server, 'loans.list', {})).body as { id: string }[];
    const [position] = (await rpc(server, 'positions.list', {})).body as { id: string }[];
    const health = page.getByTestId(`loan-health-${loan!.id}`);
    await expect(health).toContainText('LTV 50 %');
    await expect(health).toContainText('$71,428.57');
    await expect(health).toContainText('$62,500.00');
    await expect(health).toContainText('health factor 1.60');
    const distance = page.getByTestId(`position-distance-${position!.id}`);
    await expect(distance).toContainText('$54,221.11');
    await expect(distance).toContainText('45.78 %');
  } finally {
    await server.stop();
  }
});

test('a −30 % BTC shock shows which loans reach margin call and which positions breach', async () => {
  const server = await startServer({});
  try {
    await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '100000' });
    await rpc(server, 'loans.create', {
      lender: 'Harbor Lending',
      principal: '500000',
      aprPct: '0',
      startDate: '2026-01-01',
      termMonths: 24,
      repayment: 'bullet',
      collateralAsset: 'BTC',
      collateralAmount: '10',
      marginCallLtvPct: '70',
      liquidationLtvPct: '80',
    });
    await rpc(server, 'positions.create', {
      account: 'Main',
      exchange: 'Binance',
      symbol: 'BTCUSDT',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      kind: 'linear',
      side: 'long',
      size: '1',
      entryPrice: '90000',
      leverage: '10',
      marginMode: 'isolated',
      walletBalance: '9000',
      maintenanceMarginRate: '0.005',
      openedAt: '2026-11-20T00:00:00Z',
    });
    const shocked = await rpc(server, 'scenario.run', { shocksPct: { BTC: '-30' } });
    expect(shocked.status).toBe(200);
    expect(shocked.body).toMatchObject({
      scenario: { BTC: '-30' },
      prices: { BTC: { usd: '70000' } },
      loans: [{ health: 'margin-call', ltvPct: '71.428571428571' }],
      positions: [{ status: 'breached' }],
    });
    // Nothing was stored: the live Snapshot is unchanged.
    expect((await rpc(server, 'snapshot.get', {})).body).toMatchObject({
      scenario: null,
      loans: [{ health: 'healthy' }],
      positions: [{ status: 'safe' }],
    });
  } finally {
    await server.stop();
  }
});
