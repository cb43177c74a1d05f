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
