import { expect, test } from '@playwright/test';
import { startFakeNotifyServer } from './fixtures/fake-notify-server';
import { startFakePriceServer } from './fixtures/fake-price-server';
import { LONG_BTC, writeFarm } from './fixtures/farm-files';
import { newDataDir, startServer } from './fixtures/serve';

// Off-desk alerts as an operator sets them up: an ntfy channel added on the Settings page,
// "Send test" arriving at the (fake) ntfy server, a price move to critical pushing an alert
// there within seconds, a repeat while nobody acknowledges it, and no more repeats once it
// is acknowledged on the dashboard. Escalation runs on the real clock here, every minute.

test('ntfy: set up in Settings, test, critical push, repeat, acknowledge stops it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const prices = await startFakePriceServer();
  prices.setPrice('BTC', '70000');
  const ntfy = await startFakeNotifyServer();
  const dataDir = await newDataDir();
  await writeFarm(dataDir, prices.url, (db) => db.positions.push(LONG_BTC));
  const server = await startServer({ dataDir, offline: false });
  const pushes = () =>
    ntfy
      .of('ntfy')
      .map((r) => JSON.parse(r.body) as { topic: string; title: string; message: string });
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.locator('section', { hasText: 'Notification channels' });
    await section.getByLabel('ntfy server').fill(ntfy.url);
    await section.getByLabel('Topic').fill('farm-e2e');
    await section.getByLabel('Alerts it receives').selectOption('critical');
    await section.getByRole('button', { name: 'Add ntfy channel' }).click();
    await expect(section.getByText('Channel added.')).toBeVisible();

    await section.getByLabel('Repeat critical alerts every').fill('1');
    await section.getByRole('button', { name: 'Save escalation' }).click();
    await expect(section.getByText('Saved.')).toBeVisible();

    await section.getByRole('button', { name: 'Send test' }).click();
    await expect(section.getByText('Test message delivered.')).toBeVisible();
    expect(pushes()).toEqual([
      expect.objectContaining({ topic: 'farm-e2e', title: 'RigLedger test message' }),
    ]);
    await expect(section.getByTestId('channel-status')).toContainText('Last error: none');

    const movedAt = Date.now();
    prices.setPrice('BTC', '56500');
    await expect.poll(() => pushes().length, { timeout: 15_000 }).toBe(2);
    console.log(
      `feed price change → ntfy push: ${Date.now() - movedAt} ms (feed poll interval 1 s)`,
    );
    expect(pushes()[1]).toMatchObject({ title: 'BTCUSDT long 4 % from liquidation' });

    // Nobody acknowledges: a minute later it comes again, saying how long it has been open.
    await expect.poll(() => pushes().length, { timeout: 90_000, intervals: [1000] }).toBe(3);
    const repeatedAt = Date.now();
    expect(pushes()[2]?.title).toBe('Still open (1): BTCUSDT long 4 % from liquidation');
    expect(pushes()[2]?.message).toContain('Open for 1 min, not acknowledged');

    await page
      .getByRole('link', { name: /Alerts/ })
      .first()
      .click();
    await page
      .getByRole('button', { name: /^Acknowledge: / })
      .first()
      .click();
    await expect(page.getByRole('button', { name: /^Acknowledge: / })).toHaveCount(0);

    // Past the moment the second repeat was due: none came.
    await page.waitForTimeout(Math.max(0, 65_000 - (Date.now() - repeatedAt)));
    expect(pushes()).toHaveLength(3);
  } finally {
    await server.stop();
    await prices.close();
    await ntfy.close();
  }
});
