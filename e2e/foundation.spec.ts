import { expect, test } from '@playwright/test';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rpc, startServer } from './fixtures/serve';

// The first slice through every layer: a rig added in the browser is stored durably,
// computed by the service and shown on the Overview, and survives a restart.

test('a rig added in the UI shows its hash power and survives a restart', async ({ page }) => {
  const server = await startServer({});
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Rigs' }).click();
    await page.getByRole('button', { name: 'Add rig' }).click();
    await page.getByLabel('Name').fill('Rack 1 – S21');
    await page.getByLabel('Hash rate', { exact: true }).fill('200');
    await page.getByLabel('Power (W)').fill('3500');
    await page.getByLabel('Quantity').fill('10');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('cell', { name: 'Rack 1 – S21' })).toBeVisible();

    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByTestId('hashpower-BTC')).toContainText('2 PH/s');

    expect(await server.stop()).toBe(0);
    const restarted = await startServer({ dataDir: server.dataDir });
    try {
      await page.goto(restarted.url);
      await expect(page.getByTestId('hashpower-BTC')).toContainText('2 PH/s');
      const stored = JSON.parse(await readFile(join(server.dataDir, 'rigledger.json'), 'utf8'));
      expect(stored.rigs).toHaveLength(1);
    } finally {
      await restarted.stop();
    }
  } finally {
    await server.stop();
  }
});

test('an invalid rig shows what to fix and stores nothing', async ({ page }) => {
  const server = await startServer({});
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Rigs' }).click();
    await page.getByRole('button', { name: 'Add rig' }).click();
    await page.getByLabel('Name').fill('Broken');
    await page.getByLabel('Hash rate', { exact: true }).fill('-5');
    await expect(page.getByText('Must be greater than 0.')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('form-problems')).toContainText('check Hash rate');
    await expect(page.getByLabel('Hash rate', { exact: true })).toBeFocused();
    await expect(page.getByRole('dialog')).toBeVisible();

    const listed = await rpc(server, 'rigs.list', {});
    expect(listed.body).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('the contract refuses requests without the token and from foreign origins', async () => {
  const server = await startServer({});
  try {
    const noToken = await fetch(`${server.origin}/api/rpc/rigs.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe('unauthorized');

    const foreign = await rpc(server, 'rigs.list', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);

    const invalid = await rpc(server, 'rigs.create', { name: 'x', coin: 'BTC', hashrate: 'lots' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: { code: 'invalid_params' } });
    expect((invalid.body as { error: { message: string } }).error.message).toMatch(/hashrate/);

    const created = await rpc(server, 'rigs.create', {
      name: 'API rig',
      coin: 'BTC',
      hashrate: '110',
      hashrateUnit: 'TH/s',
      powerWatts: '3250',
      quantity: 1,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'API rig' });
    const snapshot = await rpc(server, 'snapshot.get', {});
    expect(snapshot.body).toMatchObject({
      farm: { hashPower: [{ coin: 'BTC', nominalHs: '110000000000000' }] },
    });
  } finally {
    await server.stop();
  }
});

test('an acknowledged write survives kill -9', async () => {
  const server = await startServer({});
  const created = await rpc(server, 'rigs.create', {
    name: 'Survivor',
    coin: 'BTC',
    hashrate: '120',
    hashrateUnit: 'TH/s',
    powerWatts: '3300',
    quantity: 4,
  });
  expect(created.status).toBe(200);
  await server.stop('SIGKILL');

  const restarted = await startServer({ dataDir: server.dataDir });
  try {
    const rigs = await rpc(restarted, 'rigs.list', {});
    expect(rigs.body).toEqual([created.body]);
  } finally {
    await restarted.stop();
  }
});

test('a damaged rigledger.json is kept aside, the last backup is loaded and the dashboard says so', async ({
  page,
}) => {
  const server = await startServer({});
  await rpc(server, 'rigs.create', {
    name: 'Backed up',
    coin: 'BTC',
    hashrate: '100',
    hashrateUnit: 'TH/s',
    powerWatts: '3000',
    quantity: 1,
  });
  await rpc(server, 'backups.create', {});
  await server.stop();
  const damaged = '{"schemaVersion": 2, "rigs": [ {"id": "trunc';
  await writeFile(join(server.dataDir, 'rigledger.json'), damaged);

  const restarted = await startServer({ dataDir: server.dataDir });
  try {
    const kept = (await readdir(server.dataDir)).filter((f) => f.startsWith('rigledger.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(server.dataDir, kept[0]!), 'utf8')).toBe(damaged);
    expect((await rpc(restarted, 'rigs.list', {})).body).toMatchObject([{ name: 'Backed up' }]);

    await page.goto(restarted.url);
    await expect(page.getByText(/restored from (the )?backup/i).first()).toBeVisible();
  } finally {
    await restarted.stop();
  }
});

test('a missing rigledger.json is restored from the backup, and the notice stays until dismissed', async ({
  page,
}) => {
  const server = await startServer({});
  await rpc(server, 'rigs.create', {
    name: 'Rack 7',
    coin: 'BTC',
    hashrate: '100',
    hashrateUnit: 'TH/s',
    powerWatts: '3000',
    quantity: 1,
  });
  await rpc(server, 'backups.create', {});
  await server.stop();
  await rm(join(server.dataDir, 'rigledger.json'));

  let restarted = await startServer({ dataDir: server.dataDir });
  try {
    expect((await rpc(restarted, 'rigs.list', {})).body).toMatchObject([{ name: 'Rack 7' }]);
    await page.goto(restarted.url);
    const notice = page.getByTestId('store-notice');
    await expect(notice).toContainText('rigledger.json was missing from the data folder');
    await expect(notice).toContainText('Your farm was restored from the backup taken');

    // Still there after a restart: it was not dismissed.
    await restarted.stop();
    restarted = await startServer({ dataDir: server.dataDir });
    await page.goto(restarted.url);
    await expect(notice).toContainText('was missing');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);

    await restarted.stop();
    restarted = await startServer({ dataDir: server.dataDir });
    await page.goto(restarted.url);
    await expect(page.getByTestId('hashpower-BTC')).toBeVisible();
    await expect(notice).toHaveCount(0);
  } finally {
    await restarted.stop();
  }
});
