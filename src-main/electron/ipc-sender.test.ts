import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from './app-protocol';
import { isTrustedSender, type CallEvent, type DashboardWindow } from './ipc-sender';
import { rendererLocation } from './renderer-location';

// Electron's security checklist, item 17: validate the sender of every IPC message. Only
// the dashboard's main frame, loaded from app://rigledger/, in the app's own window.

const location = rendererLocation(undefined, '/app/out/renderer');
const MAIN_FRAME = { processId: 4, routingId: 1 };

function dashboardWindow(destroyed = false): DashboardWindow {
  return { isDestroyed: () => destroyed, webContents: { mainFrame: MAIN_FRAME } };
}

const window = dashboardWindow();

function call(overrides: Partial<CallEvent> = {}, url = `${APP_INDEX_URL}#/rigs`): CallEvent {
  return { sender: window.webContents, senderFrame: { ...MAIN_FRAME, url }, ...overrides };
}

const trusted = (event: CallEvent, current: DashboardWindow | null = window) =>
  isTrustedSender(event, { location, mainWindow: () => current });

describe('IPC sender check (checklist 17)', () => {
  it('answers the dashboard main frame on app://rigledger', () => {
    expect(trusted(call())).toBe(true);
  });

  it('refuses the same frame once it shows another page', () => {
    for (const url of [
      'file:///app/out/renderer/index.html',
      'https://evil.example/',
      'app://rigledger.evil/index.html',
      'app://rigledger/assets/index.js',
      'http://localhost:5173/',
    ]) {
      expect(trusted(call({}, url))).toBe(false);
    }
  });

  it('refuses a sub-frame of the dashboard', () => {
    const frame = { processId: 4, routingId: 7, url: APP_INDEX_URL };
    expect(trusted(call({ senderFrame: frame }))).toBe(false);
    expect(trusted(call({ senderFrame: { ...frame, processId: 9, routingId: 1 } }))).toBe(false);
  });

  it('refuses another web contents, a closed frame, or no window', () => {
    expect(trusted(call({ sender: { mainFrame: MAIN_FRAME } }))).toBe(false);
    expect(trusted(call({ senderFrame: null }))).toBe(false);
    expect(trusted(call(), null)).toBe(false);
    const closed = dashboardWindow(true);
    expect(trusted({ ...call(), sender: closed.webContents }, closed)).toBe(false);
  });

  it('in development answers only the dev server origin', () => {
    const dev = rendererLocation('http://localhost:5173/');
    const check = (url: string) =>
      isTrustedSender(call({}, url), { location: dev, mainWindow: () => window });
    expect(check('http://localhost:5173/#/loans')).toBe(true);
    expect(check(APP_INDEX_URL)).toBe(false);
    expect(check('http://localhost:5174/')).toBe(false);
  });
});
