import { expect, test } from '@playwright/test';
import type { Runway } from '#api/runway';
import type { Snapshot } from '#api/snapshot';
import { formatOdds, marginCallOddsSentence, runwaySentence } from '#shared/risk-text';
import { rpc, startServer } from './fixtures/serve';

// The odds of crossing and the runway as an operator meets them on the demo farm: the
// Overview's sentences with their assumptions one click away, the runway chart and table,
// and the 7-day odds beside the distance on the Loans and Positions pages.

test('the demo farm shows the week’s odds, the runway sentence and chart, and the odds columns', async ({
  page,
}) => {
  const server = await startServer({ demo: true });
  try {
    const snapshot = (await rpc(server, 'snapshot.get', {})).body as Snapshot;
    const runway = (await rpc(server, 'runway.get', { months: 12, pricePathPctPerMonth: '0' }))
      .body as Runway;
    const [loan] = snapshot.loans;
    const [position] = snapshot.positions;
    if (!loan?.odds || !position?.odds) throw new Error('The demo loan and hedge have odds.');

    await page.goto(server.url);
    const marginCall = page.getByTestId('odds-margin-call');
    await expect(marginCall).toHaveText(marginCallOddsSentence(snapshot.loans)!);
    await expect(marginCall).toContainText('Northwind Credit');
    await expect(page.getByTestId('odds-liquidation')).toContainText(
      "This week's odds of a liquidation",
    );
    await expect(page.getByTestId('runway-sentence')).toHaveText(runwaySentence(runway));

    const assumptions = page.getByTestId('risk-assumptions');
    await expect(assumptions).toBeHidden();
    await page.getByRole('button', { name: 'Show the assumptions' }).click();
    await expect(assumptions).toContainText('BTC: volatility 60 % a year, your default');
    await expect(assumptions).toContainText('Halving at block 1,050,000');
    await expect(assumptions).toContainText('Next difficulty adjustment at block');

    await expect(page.getByTestId('runway-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('runway-table').locator('tbody tr')).toHaveCount(12);

    await page.getByRole('link', { name: 'Loans' }).click();
    await expect(page.getByTestId('loan-odds').first()).toHaveText(
      `margin call ${formatOdds(loan.odds.days7.marginCallPct)}`,
    );
    await page.getByRole('link', { name: 'Positions' }).click();
    await expect(page.getByTestId('position-odds').first()).toHaveText(
      `liquidation ${formatOdds(position.odds.days7.liquidationPct)}`,
    );
  } finally {
    await server.stop();
  }
});

test('the odds and runway settings are saved from the Settings page', async ({ page }) => {
  const server = await startServer({ demo: true });
  try {
    await page.goto(`${server.url}#/settings`);
    await page.getByLabel('Default volatility').fill('45');
    await page.getByLabel('Difficulty per retarget').fill('-1.5');
    await page.getByRole('button', { name: 'Save odds and runway' }).click();
    await page.getByLabel("Warn when the week's odds pass the threshold").click();
    await expect
      .poll(async () => ((await rpc(server, 'settings.get', {})).body as { risk: object }).risk)
      .toEqual({
        volatilityWindowDays: 30,
        defaultVolatilityPct: '45',
        oddsAlertPct: '10',
        oddsAlert: true,
        difficultyPerRetargetPct: '-1.5',
      });
    // The demo records no retarget: the runway falls back on the setting.
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByTestId('runway-sentence')).toContainText(
      /[-−]1\.5 % difficulty per retarget/,
    );
  } finally {
    await server.stop();
  }
});
