import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockingProblems, runElectronegativity } from './electronegativity';

// The audit behind `npm run audit:electron` must fail on what it exists to catch: the
// tool itself exits 0 whatever it finds, so the finding has to be read and judged.

const GUARDS = `
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
session.defaultSession.setPermissionRequestHandler((_c, _p, decide) => decide(false));
`;

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rigledger-electronegativity-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function audit(source: string) {
  await writeFile(join(folder, 'main.js'), source);
  return runElectronegativity(folder, '45.4.1');
}

describe('the Electron security audit', { timeout: 60_000 }, () => {
  it('fails on a window with Node in the page and no context isolation', async () => {
    const result = await audit(
      `const { app, BrowserWindow, session } = require('electron');${GUARDS}
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });`,
    );
    const problems = blockingProblems(result);
    expect(problems.some((line) => line.startsWith('HIGH CONTEXT_ISOLATION_JS_CHECK'))).toBe(true);
  });

  it('fails when nothing limits navigation', async () => {
    const result = await audit(
      `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });`,
    );
    expect(blockingProblems(result)).toContainEqual(
      expect.stringMatching(/^HIGH LIMIT_NAVIGATION_GLOBAL_CHECK/),
    );
  });

  it('passes a hardened window with its navigation guarded', async () => {
    const result = await audit(
      `const { app, BrowserWindow, session } = require('electron');${GUARDS}
new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } });`,
    );
    expect(blockingProblems(result)).toEqual([]);
  });

  it('counts a file it could not read as a failure', async () => {
    const result = await audit('const = ;');
    expect(blockingProblems(result)).toContainEqual(
      expect.stringMatching(/^could not read main\.js/),
    );
  });
});
