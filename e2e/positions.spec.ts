import { expect, test } from '@playwright/test';
import { rpc, startServer } from './fixtures/serve';

// The Positions page as an exchange screen reads: margin, margin ratio, notional and take
// profit beside each position, one liquidation price shared by hedge-mode legs, and a
// sentence on a position that cannot exist.

const LEG = {
  account: 'Main',
  exchange: 'Binance',
  symbol: 'BTCUSDT',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  kind: 'linear',
  entryPrice: '60000',
  leverage: '10',
  marginMode: 'cross',
  walletBalance: '10000',
  maintenanceMarginRate: '0.005',
  maintenanceAmount: '50',
  openedAt: '2026-11-20T00:00:00Z',
};

test('hedge-mode legs show one shared liquidation price; an impossible position says why', async ({
  page,
}) => {
  const server = await startServer({});
  try {
    await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '60000' });
    const long = await rpc(server, 'positions.create', {
      ...LEG,
      side: 'long',
      size: '2',
      takeProfit: '70000',
    });
    const short = await rpc(server, 'positions.create', {
      ...LEG,
      side: 'short',
      size: '1',
      entryPrice: '62000',
    });
    // Isolated long with 200 USDT of margin: liquidation (200 + 50 − 60,000) / −0.995 = 60,050.25.
    const slip = await rpc(server, 'positions.create', {
      ...LEG,
      account: 'Other',
      side: 'long',
      size: '1',
      marginMode: 'isolated',
      walletBalance: '200',
    });
    const [longId, shortId, slipId] = [long, short, slip].map((r) => (r.body as { id: string }).id);

    await page.goto(server.url);
    await page.getByRole('link', { name: 'Positions' }).click();

    // Binance hedge mode: (10,000 + 100 − 120,000 + 62,000) / −0.985 = 48,629.44 on both legs.
    for (const id of [longId, shortId]) {
      const row = page.getByTestId(`position-row-${id}`);
      await expect(page.getByTestId(`liquidation-${id}`)).toHaveText('$48,629.44');
      await expect(row).toContainText('on a fall, shared by the hedge-mode legs');
      // Wallet margin ratio: (550 + 250) / (10,000 + 2,000) = 6.67 %.
      await expect(page.getByTestId(`margin-ratio-${id}`)).toHaveText('6.67 %');
    }
    const longRow = page.getByTestId(`position-row-${longId}`);
    await expect(page.getByTestId(`margin-${longId}`)).toHaveText('$12,000.00');
    await expect(longRow).toContainText('notional $120,000.00');
    // Stop and take profit fold into the row's details when the table is short of room.
    await longRow.getByRole('button', { name: /^Show details of/ }).click();
    await expect(page.getByTestId(`position-row-${longId}-details`)).toContainText('TP $70,000.00');

    await expect(page.getByTestId(`position-row-${slipId}`)).toContainText('Check');
    await expect(page.getByTestId(`check-${slipId}`)).toContainText(
      'Its liquidation price $60,050.25 is at or above its entry $60,000.00',
    );
    const alerts = (await rpc(server, 'alerts.list', {})).body as { subjectId: string }[];
    expect(alerts.filter((a) => a.subjectId === slipId)).toEqual([]);
  } finally {
    await server.stop();
  }
});
