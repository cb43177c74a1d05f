import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeFindings, layoutProblems, smallCardTargets, tabUntil } from './fixtures/page-checks';
import { rpc, startServer, type RunningServer } from './fixtures/serve';

// The operator's day on a phone, a small laptop and a desktop: read the Overview,
// acknowledge the critical alert from the banner, add a rig, a loan and a position, close a
// position, open Review and export everything, mostly by keyboard. On every page visited
// nothing scrolls sideways and axe-core finds nothing serious or critical (at 390 px in the
// light and the dark theme). On a phone the records are cards whose buttons are 44 px tall.
// Then the notices: a removal's Undo brings the record back, a raised alert's View opens
// the Alerts page on it.

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;

// A trace of many axe runs would cost more than the runs themselves.
test.use({ trace: 'off' });

async function criticalFarm(): Promise<RunningServer> {
  const server = await startServer({ demo: true });
  // The demo's short (5x from $93,400) comes within 5 % of liquidation: a critical alert.
  const set = await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '108000', confirm: true });
  expect(set.status).toBe(200);
  return server;
}

/** Goes to a page through the navigation by keyboard (the page menu on a narrow screen). */
async function goTo(page: Page, label: string) {
  await page.locator('body').focus();
  const menu = page.getByTestId('nav-menu-button');
  if (await menu.isVisible()) {
    await tabUntil(page, menu);
    await page.keyboard.press('Enter');
  }
  const link = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: label });
  await tabUntil(page, link);
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle(`${label} — RigLedger`);
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/** Presses a button by keyboard: Tab to it from the top of the page, then Enter. */
async function press(page: Page, button: Locator) {
  await page.locator('body').focus();
  await tabUntil(page, button);
  await page.keyboard.press('Enter');
}

/** Width and axe checks of the page as it is (in both themes on a phone). */
async function check(page: Page, where: string, findings: string[]) {
  const phone = page.viewportSize()!.width < 600;
  for (const problem of await layoutProblems(page)) findings.push(`${where}: ${problem}`);
  if (phone) for (const small of await smallCardTargets(page)) findings.push(`${where}: ${small}`);
  for (const theme of phone ? (['light', 'dark'] as const) : (['light'] as const)) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveClass(new RegExp(theme));
    findings.push(...(await axeFindings(page, `${where}, ${theme}`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The record's row, or its card on a phone (both carry the row's test id). */
const record = (page: Page, kind: string, text: string) =>
  page.locator(`[data-record-row][data-testid^="${kind}-row-"]`).filter({ hasText: text });

for (const viewport of WIDTHS) {
  test(`the operator's day at ${viewport.width} px`, async ({ page }) => {
    test.setTimeout(240_000);
    const server = await criticalFarm();
    const findings: string[] = [];
    const phone = viewport.width < 600;
    try {
      await page.setViewportSize(viewport);
      await page.goto(server.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
      await check(page, `Overview at ${viewport.width} px`, findings);

      // The critical alert, acknowledged from the banner by keyboard.
      const banner = page.getByTestId('critical-alerts');
      await expect(banner).toContainText('1 critical alert');
      await press(page, banner.getByRole('button', { name: /^Acknowledge/ }));
      await expect(banner).toHaveCount(0);
      const alerts = (await rpc(server, 'alerts.list', {})).body as {
        severity: string;
        acknowledgedAt?: string;
      }[];
      expect(alerts.filter((a) => a.severity === 'critical' && !a.acknowledgedAt)).toEqual([]);

      // A rig.
      await goTo(page, 'Rigs');
      await press(page, page.getByRole('button', { name: 'Add rig' }));
      const rigForm = page.getByRole('dialog', { name: 'Add rig' });
      await rigForm.getByLabel('Name').fill('Rack 7 – S21');
      await rigForm.getByLabel('Hash rate', { exact: true }).fill('200');
      await rigForm.getByLabel('Power (W)').fill('3500');
      await rigForm.getByLabel('Quantity').fill('12');
      await page.keyboard.press('Enter');
      await expect(rigForm).toBeHidden();
      await expect(record(page, 'rig', 'Rack 7 – S21')).toBeVisible();
      if (phone) await expect(page.getByRole('article', { name: 'Rack 7 – S21' })).toBeVisible();
      await check(page, `Rigs at ${viewport.width} px`, findings);

      // A loan.
      await goTo(page, 'Loans');
      await press(page, page.getByRole('button', { name: 'Add loan' }));
      const loanForm = page.getByRole('dialog', { name: 'Add loan' });
      await loanForm.getByLabel('Lender').fill('Harbor Lending');
      await loanForm.getByLabel('Principal').fill('500000');
      await loanForm.getByLabel('APR').fill('12');
      await loanForm.getByLabel('Term').fill('12');
      await loanForm.getByLabel('Collateral amount').fill('10');
      await page.keyboard.press('Enter');
      await expect(loanForm).toBeHidden();
      // $500,000 on 10 BTC at $108,000: an LTV of 46.3 %.
      await expect(record(page, 'loan', 'Harbor Lending')).toContainText('46.3');
      await check(page, `Loans at ${viewport.width} px`, findings);

      // A position, then closing it.
      await goTo(page, 'Positions');
      await press(page, page.getByRole('button', { name: 'Add position' }));
      const positionForm = page.getByRole('dialog', { name: 'Add position' });
      await positionForm.getByLabel('Account').fill('Main');
      await positionForm.getByLabel('Exchange').fill('OKX');
      await positionForm.getByLabel('Symbol').fill('BTCUSDT');
      await positionForm.getByLabel('Side').selectOption('long');
      await positionForm.getByLabel('Size').fill('0.5');
      await positionForm.getByLabel('Entry price').fill('100000');
      await positionForm.getByLabel('Leverage').fill('5');
      await positionForm.getByLabel('Wallet balance').fill('10000');
      await page.keyboard.press('Enter');
      await expect(positionForm).toBeHidden();
      const added = record(page, 'position', 'OKX BTCUSDT long');
      await expect(added).toBeVisible();
      // The key figure of a card: the distance to liquidation.
      if (phone) await expect(added).toContainText('Distance to liq.');
      await check(page, `Positions at ${viewport.width} px`, findings);

      await press(page, page.getByRole('button', { name: 'Close OKX BTCUSDT long' }));
      const closeForm = page.getByRole('dialog');
      await expect(closeForm.getByLabel('Exit price (USD)')).not.toHaveValue('');
      await closeForm.getByRole('button', { name: 'Close position' }).click();
      await expect(closeForm).toBeHidden();
      await expect(page.getByTestId('position-closed')).toContainText('OKX BTCUSDT long closed at');
      await expect(added).toHaveCount(0);

      // Review, and everything exported.
      await goTo(page, 'Review');
      await check(page, `Review at ${viewport.width} px`, findings);
      const downloading = page.waitForEvent('download');
      await press(page, page.getByRole('button', { name: 'Export everything (JSON)' }));
      const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8')) as {
        database: { rigs: { name: string }[]; loans: { lender: string }[] };
      };
      expect(exported.database.rigs.map((r) => r.name)).toContain('Rack 7 – S21');
      expect(exported.database.loans.map((l) => l.lender)).toContain('Harbor Lending');

      expect(findings).toEqual([]);
    } finally {
      await server.stop();
    }
  });
}

test('notices on a phone: Undo brings a removed rig back or says why not; View opens the Alerts page on a raised alert', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const server = await startServer({});
  try {
    const coin = {
      symbol: 'DOGE',
      algorithm: 'Scrypt',
      blockTimeSec: '60',
      hashesPerDifficulty: '4294967296',
    };
    expect((await rpc(server, 'settings.update', { coins: [coin] })).status).toBe(200);
    const rig = {
      name: 'Rack 1',
      coin: 'BTC',
      hashrate: '200',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
      quantity: 10,
      poolFeePct: '2',
      status: 'maintenance',
      notes: 'Left wall',
    };
    for (const r of [
      rig,
      { ...rig, name: 'Rack 2', coin: 'DOGE', hashrate: '9', hashrateUnit: 'GH/s' },
    ])
      expect((await rpc(server, 'rigs.create', r)).status).toBe(200);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}#/rigs`);
    const rack1 = page.getByRole('article', { name: 'Rack 1' });
    await rack1.getByRole('button', { name: 'Remove Rack 1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(rack1).toHaveCount(0);
    const notice = page.getByTestId('removed-notice');
    await expect(notice).toContainText('Removed Rack 1.');
    await expect(page.getByTestId('notice-announcer')).toHaveText(
      'Removed Rack 1. Undo is available.',
    );
    // Focus went to the next card, not to the notice.
    await expect(page.getByRole('button', { name: 'Remove Rack 2' })).toBeFocused();

    await tabUntil(page, notice.getByRole('button', { name: 'Undo removing Rack 1' }));
    await page.keyboard.press('Enter');
    await expect(notice).toContainText('Rack 1 is back.');
    await expect(page.getByRole('article', { name: 'Rack 1' })).toBeVisible();
    await expect(notice.getByRole('button', { name: /^Dismiss/ })).toBeFocused();
    const rigs = (await rpc(server, 'rigs.list', {})).body as Record<string, unknown>[];
    const back = rigs.find((r) => r.name === 'Rack 1');
    expect(back).toMatchObject(rig);
    await notice.getByRole('button', { name: /^Dismiss/ }).click();
    await expect(notice).toHaveCount(0);

    // Rack 2 mines DOGE; once it is gone and DOGE is removed, it cannot come back.
    await page.getByRole('button', { name: 'Remove Rack 2' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(notice).toContainText('Removed Rack 2.');
    expect((await rpc(server, 'settings.update', { coins: [] })).status).toBe(200);
    await notice.getByRole('button', { name: 'Undo removing Rack 2' }).click();
    await expect(notice).toContainText(/^Undo failed: .*DOGE/);
    await expect(page.getByRole('article', { name: 'Rack 2' })).toHaveCount(0);

    // A liquidation alert raised while the page is open: its notice's View leads to it.
    const position = await rpc(server, 'positions.create', {
      account: 'Main',
      exchange: 'Binance',
      symbol: 'BTCUSDT',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      kind: 'linear',
      side: 'short',
      size: '1',
      entryPrice: '100000',
      leverage: '10',
      marginMode: 'isolated',
      walletBalance: '10000',
      maintenanceMarginRate: '0.005',
      openedAt: '2026-11-20T00:00:00Z',
    });
    expect(position.status).toBe(200);
    await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '108000', confirm: true });
    const alertNotice = page.getByTestId('alert-notice');
    await expect(alertNotice).toContainText('from liquidation');
    await tabUntil(page, alertNotice.getByRole('button', { name: /^View on the Alerts page/ }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle('Alerts — RigLedger');
    const [alert] = (await rpc(server, 'alerts.list', {})).body as { id: string }[];
    const card = page.getByTestId(`alert-row-${alert!.id}`);
    await expect(card).toBeFocused();
    await expect(card).toBeInViewport();
    expect(await axeFindings(page, 'Alerts at 390 px with a notice')).toEqual([]);
  } finally {
    await server.stop();
  }
});
