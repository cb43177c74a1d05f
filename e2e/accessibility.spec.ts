import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
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

async function open(key: string, title: string) {
  await page.evaluate((hash) => (window.location.hash = hash), `#/${key}`);
  await expect(page).toHaveTitle(`${title} — RigLedger`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/**
 * What does not fit: the page scrolling sideways, the shell's own parts wider than the
 * window, a record table wider than its box, or a cell reaching under the sticky
 * actions column (its text would be cut there).
 */
async function layoutProblems(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      problems.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth} px)`);
    const view = root.clientWidth;
    const shellTooWide = [
      ...document.querySelectorAll('header, header .MuiToolbar-root, [data-testid="banners"], nav'),
    ].some(
      (el) => el.getBoundingClientRect().right > view + 1 || el.scrollWidth > el.clientWidth + 1,
    );
    if (shellTooWide) problems.push('the header, banner or navigation is too wide');
    for (const box of document.querySelectorAll('[data-testid="data-table-box"]')) {
      const name = box.querySelector('table')?.getAttribute('aria-label') ?? 'a table';
      if (box.scrollWidth > box.clientWidth + 1)
        problems.push(`${name} scrolls sideways by ${box.scrollWidth - box.clientWidth} px`);
      for (const row of box.querySelectorAll('tr')) {
        const sticky = row.querySelector('.sticky');
        if (!sticky) continue;
        const edge = sticky.getBoundingClientRect().left;
        for (const cell of row.children) {
          if (cell === sticky) continue;
          const under = cell.getBoundingClientRect().right - edge;
          if (under > 1) {
            problems.push(
              `${name}: “${cell.textContent?.slice(0, 30)}” is ${Math.round(under)} px under the actions`,
            );
            break;
          }
        }
      }
    }
    return problems;
  });
}

async function axeFindings(where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
      return `${where}: ${v.id} (${v.impact}) ${targets.join(' | ')}`;
    });
}

test('every page in both themes at phone, laptop and desktop width', async () => {
  test.setTimeout(300_000);
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
        if (viewport.width !== 1024) findings.push(...(await axeFindings(where)));
        for (const problem of await layoutProblems()) findings.push(`${where}: ${problem}`);
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

  await banner.getByRole('button', { name: /^Mute 24 h/ }).click();
  await expect(banner.getByTestId('muted-until')).toContainText(/^Muted until /);
  expect((await rpc(server, 'alerts.mutes', {})).body).toEqual([
    expect.objectContaining({ subjectId: expect.any(String), until: expect.any(String) }),
  ]);
  await open('alerts', 'Alerts');
  const row = page.getByRole('row', { name: /from liquidation/ });
  await expect(row.getByTestId('muted-until')).toBeVisible();
  await row.getByRole('button', { name: /^Unmute/ }).click();
  await expect(row.getByRole('button', { name: /^Mute 24 h/ })).toBeVisible();
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
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('row', { name: /from liquidation/ })).toContainText('acknowledged');
});

async function tabUntil(page: Page, target: ReturnType<Page['locator']>) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Tab never reached the target');
}
