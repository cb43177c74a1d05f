import { expect, test, _electron as electron, type ElectronApplication } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metaContentSecurityPolicy } from '#shared/security-policy';
import { ELECTRON_SKIP_REASON, electronBinary } from './fixtures/electron-binary';

// The desktop shell: the built app (out/main/index.js) under the real Electron binary,
// with its own temp data folder. Machines without the binary (offline CI) skip it, and
// playwright.config.ts says so; the built page's policy is checked everywhere.

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const binary = electronBinary(projectRoot);

test('the built dashboard carries the Content-Security-Policy as a meta tag', async () => {
  const html = await readFile(join(projectRoot, 'out', 'renderer', 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
  expect(meta?.[1]?.replaceAll('&quot;', '"')).toBe(metaContentSecurityPolicy({ dev: false }));
  // The meta tag comes before any script, so it covers all of them.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
});

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
    expect(exposed).toEqual({
      require: false,
      process: false,
      bridge: ['call', 'onEvent', 'saveReportPdf'],
    });
  });

  test('loads the dashboard from app://rigledger/ under its Content-Security-Policy', async () => {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Overview' })).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/rigledger\/index\.html/);
    const page = await window.evaluate(() => {
      // An inline script is what an injected payload would be: the policy must stop it.
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inline = "ran";';
      document.head.append(script);
      return {
        origin: location.origin,
        inline: document.body.dataset.inline ?? 'blocked',
        meta: document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content'),
      };
    });
    expect(page).toEqual({
      origin: 'app://rigledger',
      inline: 'blocked',
      meta: metaContentSecurityPolicy({ dev: false }),
    });
  });

  test('answers only the dashboard files on app://, with their types and the policy', async () => {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Overview' })).toBeVisible();
    const replies = await window.evaluate(async () => {
      const ask = async (path: string) => {
        const response = await fetch(path);
        return {
          status: response.status,
          type: response.headers.get('Content-Type'),
          policy: response.headers.get('Content-Security-Policy') !== null,
        };
      };
      return { index: await ask('/index.html'), outside: await ask('/%2e%2e%2fpackage.json') };
    });
    expect(replies.index).toEqual({ status: 200, type: 'text/html; charset=utf-8', policy: true });
    expect(replies.outside.status).toBe(403);
  });

  test('stores its data in the folder it was given', async () => {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Overview' })).toBeVisible();
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    expect(userData).toBe(dataDir);
    expect(existsSync(join(dataDir, 'rigledger.json'))).toBe(true);
  });
});
