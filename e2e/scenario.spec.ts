import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { methods } from '#api/methods';
import { snapshotSchema } from '#api/snapshot';
import { samplePosition } from '#core/test-fixtures/sample-records';
import { formatCoin, formatPct, formatUsd } from '../src-renderer/src/format';
import { newDataDir, rpc, startServer } from './fixtures/serve';

// What-if tools on the Overview, on the demo farm (offline): a price shock shows what the
// service's scenario says without storing it, the hedge planner sizes a short from the
// farm's production, and the charts say so when there is no history yet.

const NO_HISTORY = 'No history yet: RigLedger records a point each time the prices are polled.';

test('a −30 % BTC shock puts the demo loan in margin call, as scenario.run says', async ({
  page,
}) => {
  const server = await startServer({ demo: true });
  try {
    await page.goto(server.url);
    const stress = page.getByTestId('stress-test');
    await expect(stress).toContainText('Scenario — nothing is stored');

    const slider = page.getByTestId('stress-slider-BTC');
    await slider.focus();
    // PageDown moves the shock by 10 points.
    for (let step = 0; step < 3; step++) await slider.press('PageDown');
    await expect(slider).toHaveValue('-30');

    const answer = await rpc(server, 'scenario.run', { shocksPct: { BTC: '-30' } });
    expect(answer.status).toBe(200);
    const scenario = snapshotSchema.parse(answer.body);
    const loan = scenario.loans[0];
    const position = scenario.positions[0];
    expect(loan?.health).toBe('margin-call');
    if (!loan || !position) throw new Error('The demo farm has a loan and a position.');

    const result = page.getByTestId('stress-result');
    await expect(page.getByTestId('stress-price-BTC')).toHaveText(
      formatUsd(scenario.prices.BTC?.usd),
    );
    const loanLine = result.getByTestId(`stress-loan-${loan.id}`);
    await expect(loanLine).toContainText('Margin call');
    await expect(loanLine).toContainText(`LTV ${formatPct(loan.ltvPct)}`);
    await expect(result).toContainText('1 loan reaches margin call or worse');
    const positionLine = result.getByTestId(`stress-position-${position.id}`);
    await expect(positionLine).toContainText(`mark ${formatUsd(position.markPrice)}`);
    await expect(positionLine).toContainText(
      `${formatPct(position.distanceToLiquidationPct)} to liquidation`,
    );

    // Nothing was stored: the live farm still has the demo price and a healthy loan.
    const live = snapshotSchema.parse((await rpc(server, 'snapshot.get', {})).body);
    expect(live.prices.BTC?.usd).toBe('91250');
    expect(live.loans[0]?.health).toBe('healthy');
    await expect(page.getByTestId(`loan-health-${loan.id}`)).toContainText('Healthy');
  } finally {
    await server.stop();
  }
});

test('the hedge planner sizes a BTC short and explains what it cannot plan', async ({ page }) => {
  const server = await startServer({ demo: true });
  try {
    await page.goto(server.url);
    const planner = page.getByTestId('hedge-planner');
    await planner.getByLabel('Coin to hedge').selectOption('BTC');
    await planner.getByLabel('Days of production').fill('30');
    // Rates are typed as percents; the form sends the contract's fractions.
    await planner.getByLabel('Hedge ratio').fill('0.5');
    await expect(planner).toContainText('0.5 looks like a fraction: did you mean 50 %?');
    await expect(planner.getByRole('button', { name: 'Plan hedge' })).toBeDisabled();
    await planner.getByLabel('Hedge ratio').fill('50%');
    await planner.getByLabel('Maintenance margin rate').fill('0.5 %');

    // Checked as typed, with the contract's own words.
    await planner.getByLabel('Leverage').fill('500');
    await expect(planner).toContainText('Must be between 1 and 125 ×.');
    await expect(planner.getByRole('button', { name: 'Plan hedge' })).toBeDisabled();
    await planner.getByLabel('Leverage').fill('3');

    await planner.getByRole('button', { name: 'Plan hedge' }).click();
    const planFor = async (days: number) => {
      const answer = await rpc(server, 'hedge.plan', {
        coin: 'BTC',
        days,
        hedgeRatio: '0.5',
        leverage: '3',
        maintenanceMarginRate: '0.005',
      });
      expect(answer.status).toBe(200);
      return methods['hedge.plan'].result.parse(answer.body);
    };
    const result = page.getByTestId('hedge-result');
    // The demo book is already short 0.5 BTC, more than 30 days of its production.
    const month = await planFor(30);
    expect(month).toMatchObject({ openShortCoins: '0.5', status: 'over-hedged', shortSize: '0' });
    await expect(result.getByTestId('hedge-short-size')).toHaveText('No further short');
    await expect(result.getByTestId('hedge-status')).toHaveText(month.message);
    await expect(result.getByTestId('hedge-status')).toContainText('already over-hedged');

    // Two years of production need more than is short: only the rest is proposed.
    await planner.getByLabel('Days of production').fill('730');
    await planner.getByRole('button', { name: 'Plan hedge' }).click();
    const plan = await planFor(730);
    expect(plan.status).toBe('to-open');
    await expect(result.getByTestId('hedge-short-size')).toHaveText(
      `Short ${formatCoin(plan.shortSize, 'BTC')}`,
    );
    await expect(result.getByTestId('hedge-status')).toHaveText(plan.message);
    await expect(result).toContainText(formatUsd(plan.liquidationPrice));

    // No rig mines KAS: the service's sentence is shown instead of a plan.
    await planner.getByLabel('Coin to hedge').selectOption('KAS');
    await planner.getByRole('button', { name: 'Plan hedge' }).click();
    await expect(planner.getByRole('alert')).toContainText('No active rig mines KAS.');
    await expect(page.getByTestId('hedge-result')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

async function farmWithShortBtc(dataDir?: string) {
  const server = await startServer(dataDir ? { dataDir } : {});
  await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '91250' });
  const { id: _id, ...short } = samplePosition({
    side: 'short',
    size: '0.5',
    entryPrice: '93400',
    leverage: '5',
    walletBalance: '9340',
    maintenanceAmount: '0',
    stopLoss: '101000',
  });
  await rpc(server, 'positions.create', short);
  return server;
}

test('charts say when there is no history, and draw the points there are', async ({ page }) => {
  const empty = await farmWithShortBtc();
  try {
    await page.goto(empty.url);
    await expect(page.getByTestId('chart-price-BTC')).toContainText(NO_HISTORY);
    await expect(page.getByTestId('chart-price-BTC')).toContainText(
      'BTCUSDT short: stop-loss $101,000.00',
    );
  } finally {
    await empty.stop();
  }

  const dataDir = await newDataDir();
  const hour = 3_600_000;
  const points = [3, 2, 1, 0].map((hoursAgo, index): [string, string] => [
    new Date(Date.now() - hoursAgo * hour).toISOString(),
    String(90_000 + index * 500),
  ]);
  await writeFile(
    join(dataDir, 'history.json'),
    JSON.stringify({ schemaVersion: 1, series: { 'price.BTC': points } }),
  );
  const server = await farmWithShortBtc(dataDir);
  try {
    await page.goto(server.url);
    const chart = page.getByTestId('chart-price-BTC');
    await expect(chart.getByRole('img', { name: /BTC price, 7 d/ })).toBeVisible();
    await expect(chart).not.toContainText(NO_HISTORY);
    await page.getByRole('button', { name: '24 h' }).click();
    await expect(chart.getByRole('img', { name: /BTC price, 24 h/ })).toBeVisible();
  } finally {
    await server.stop();
  }
});
