import { expect, test, _electron as electron, type ElectronApplication } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELECTRON_SKIP_REASON, electronBinary } from './fixtures/electron-binary';

// The desktop shell: the built app (out/main/index.js) under the real Electron binary,
// with its own temp data folder. Machines without the binary (offline CI) skip it.

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const binary = electronBinary(projectRoot);

test.describe('desktop app', () => {
  test.skip(binary === null, ELECTRON_SKIP_REASON);

  let app: ElectronApplication;
  let dataDir: string;

  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rigledger-electron-'));
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [join(projectRoot, 'out', 'main', 'index.js')],
      env: { ...process.env, RIGLEDGER_DATA_DIR: dataDir, RIGLEDGER_OFFLINE: '1' },
    });
  });

  test.afterEach(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('opens one window titled RigLedger showing the Overview', async () => {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/RigLedger/);
    await expect(window.getByRole('heading', { name: 'Overview' })).toBeVisible();
    expect(app.windows()).toHaveLength(1);
  });

  test('keeps Node out of the page and exposes only the RigLedger bridge', async () => {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Overview' })).toBeVisible();
    const exposed = await window.evaluate(() => ({
      require: 'require' in globalThis,
      process: 'process' in globalThis,
      bridge: Object.keys(Reflect.get(globalThis, 'rigledger') ?? {}).sort(),
    }));
    expect(exposed).toEqual({ require: false, process: false, bridge: ['call', 'onEvent'] });
  });

  test('stores its data in the folder it was given', async () => {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Overview' })).toBeVisible();
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    expect(userData).toBe(dataDir);
    expect(existsSync(join(dataDir, 'rigledger.json'))).toBe(true);
  });
});
