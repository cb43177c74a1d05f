import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  axeFindings,
  layoutProblems,
  openPage,
  smallCardTargets,
  tabUntil,
} from './fixtures/page-checks';
import { rpc, startServer, type RunningServer } from './fixtures/serve';

// The demo farm as an operator on a phone, a small laptop and a desktop meets it, in both
// themes: no serious or critical axe-core finding on any page, no page scrolls sideways
// and no record table slides a cell under its actions column, a critical alert can be acted on at 390 px, and the keyboard alone reaches
// the content, the navigation and an alert's Acknowledge. One server and one page serve
// the whole matrix (viewport and colour scheme switch in place) to keep the run short.

const PAGES = [
  ['overview', 'Overview'],
  ['rigs', 'Rigs'],
  ['loans', 'Loans'],
  ['positions', 'Positions'],
  ['alerts', 'Alerts'],
  ['review', 'Review'],
  ['settings', 'Settings'],
] as const;
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;
const THEMES = ['light', 'dark'] as const;

test.describe.configure({ mode: 'serial' });
// A trace of 42 axe runs would cost more than the runs themselves.
test.use({ trace: 'off' });

let server: RunningServer;
let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  server = await startServer({ demo: true });
  // The demo's short (5x from $93,400) comes within 5 % of liquidation: a critical alert.
  const set = await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '108000', confirm: true });
  expect(set.status).toBe(200);
  context = await browser.newContext();
  page = await context.newPage();
});

test.afterAll(async () => {
  await context.close();
  await server.stop();
});

const open = (key: string, title: string) => openPage(page, key, title);

test('every page in both themes at phone, laptop and desktop width', async () => {
  // 42 page views with axe each: about two minutes alone, far longer on a shared, busy machine.
  test.setTimeout(900_000);
  const startedAt = Date.now();
  await page.goto(server.url);
  const findings: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveClass(new RegExp(theme));
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const [key, title] of PAGES) {
        await open(key, title);
        const where = `${title} at ${viewport.width} px, ${theme}`;
        // 1024 px lays out the same components as 1440 px (fixed navigation); axe runs at
        // the two layouts, the width checks at all three.
        if (viewport.width !== 1024) findings.push(...(await axeFindings(page, where)));
        for (const problem of await layoutProblems(page)) findings.push(`${where}: ${problem}`);
      }
    }
  }
  console.log(`accessibility matrix: ${Math.round((Date.now() - startedAt) / 1000)} s`);
  expect(findings).toEqual([]);
});

test('the critical alert can be acted on at 390 px: mute shows "muted until", unmute lifts it', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${server.url}#/overview`);
  const banner = page.getByTestId('critical-alerts');
  await expect(banner).toContainText('1 critical alert');
  for (const name of [/^Acknowledge/, /^Mute 24 h/]) {
    await expect(banner.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
  }
  await expect(banner.getByRole('link', { name: 'View position' })).toBeInViewport({ ratio: 1 });

  // The price behind the alert says it is a manual one, inside its card on a phone.
  const prices = page.getByRole('table', { name: 'Prices' });
  await expect(page.getByTestId('price-BTC')).toContainText('Manual');
  const overflow = await prices.evaluate((table) => {
    const box = table.parentElement!;
    const style = getComputedStyle(box);
    const room =
      box.clientWidth -
      Number(style.paddingLeft.replace('px', '')) -
      Number(style.paddingRight.replace('px', ''));
    return table.scrollWidth - room;
  });
  expect(overflow).toBeLessThanOrEqual(0);

  await banner.getByRole('button', { name: /^Mute 24 h/ }).click();
  await expect(banner.getByTestId('muted-until')).toContainText(/^Muted until /);
  // Mute became Unmute under the pointer: focus moved to it rather than to the document.
  await expect(banner.getByRole('button', { name: /^Unmute/ })).toBeFocused();
  expect((await rpc(server, 'alerts.mutes', {})).body).toEqual([
    expect.objectContaining({ subjectId: expect.any(String), until: expect.any(String) }),
  ]);
  await open('alerts', 'Alerts');
  // On a phone the alert is a card: its severity, rule, message, subject and actions.
  const card = page.getByRole('article', { name: 'critical alert: Position near liquidation' });
  await expect(card).toContainText('from liquidation');
  await expect(card).toContainText('Position Binance BTCUSDT short');
  await expect(card.getByTestId('muted-until')).toBeVisible();
  await card.getByRole('button', { name: /^Unmute/ }).click();
  await expect(card.getByRole('button', { name: /^Mute 24 h/ })).toBeVisible();
  expect(await smallCardTargets(page)).toEqual([]);
  await expect(page.getByTestId('muted-until')).toHaveCount(0);
  expect((await rpc(server, 'alerts.mutes', {})).body).toEqual([]);
});

test('keyboard only: skip link, navigation, and acknowledging the critical alert', async () => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${server.url}#/overview`);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // The header's theme button explains itself in a tooltip when the keyboard reaches it,
  // and keeps the focus while the tooltip takes its place.
  await page.locator('body').focus();
  const themeButton = page.getByRole('button', { name: 'Change theme' });
  await tabUntil(page, themeButton);
  await expect(page.getByRole('tooltip')).toContainText('Theme:');
  await expect(themeButton).toBeFocused();

  // From the top, Tab reaches the Alerts entry of the navigation; Enter opens the page.
  await page.locator('body').focus();
  const alertsLink = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', {
    name: /Alerts/,
  });
  await tabUntil(page, alertsLink);
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('Alerts — RigLedger');

  const banner = page.getByTestId('critical-alerts');
  const acknowledge = banner.getByRole('button', { name: /^Acknowledge/ });
  await tabUntil(page, acknowledge);
  await page.keyboard.press('Enter');
  // Acknowledged, the alert leaves the banner and the page says when it was acknowledged.
  // The button went with it: focus goes to the page's content, not the top of the document.
  await expect(banner).toHaveCount(0);
  await expect(page.locator('main')).toBeFocused();
  await expect(page.getByRole('row', { name: /from liquidation/ })).toContainText('acknowledged');
});
