import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { ELECTRON_SKIP_REASON, electronBinary } from './e2e/fixtures/electron-binary';

// End-to-end tests drive the real web host (each spec starts its own `serve` on a free
// port with a temp data dir) in the system Chromium; no browser is downloaded.
const chromium = process.env.RIGLEDGER_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium was not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set RIGLEDGER_CHROMIUM.`,
  );
}

if (electronBinary(process.cwd()) === null) {
  console.log(`Desktop-app tests (e2e/electron.spec.ts) will be skipped: ${ELECTRON_SKIP_REASON}`);
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
});
