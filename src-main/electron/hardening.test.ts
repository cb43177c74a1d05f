import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-protocol';
import {
  guardWebContents,
  hardenSession,
  mainWindowOptions,
  reportWindowOptions,
  type GuardableContents,
  type HardenableSession,
  type Preventable,
} from './hardening';
import { rendererLocation, type RendererLocation } from './renderer-location';

// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
// item by item, against the options and handlers the desktop app gives Electron. The
// numbers are the checklist's; 17 (IPC senders) is in ipc-sender.test.ts. Items that do
// not apply: 1 (no remote content is loaded), 11 (no webviews to give popups), 16 (the
// Electron version is npm's), 19 (fuses come with packaging).

const PRELOAD = '/app/out/preload/index.cjs';
const built = rendererLocation(undefined, '/app/out/renderer');
const dev = rendererLocation('http://localhost:5173/');

type PermissionRequestHandler = Parameters<HardenableSession['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<HardenableSession['setPermissionCheckHandler']>[0];
type HeadersListener = Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];
type ProtocolHandler = Parameters<HardenableSession['protocol']['handle']>[1];

/** A session that records what hardenSession installs, so each handler can be asked. */
function recordingSession() {
  const installed: {
    request?: PermissionRequestHandler;
    check?: PermissionCheckHandler;
    headers?: HeadersListener;
    protocols: Map<string, ProtocolHandler>;
  } = { protocols: new Map() };
  const target = {
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      installed.request = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler) {
      installed.check = handler;
    },
    webRequest: {
      onHeadersReceived(listener: HeadersListener) {
        installed.headers = listener;
      },
    },
    protocol: {
      handle(scheme: string, handler: ProtocolHandler) {
        installed.protocols.set(scheme, handler);
      },
    },
  } satisfies HardenableSession;
  return { target, installed };
}

function hardened(location: RendererLocation) {
  const { target, installed } = recordingSession();
  hardenSession(target, location, () => undefined);
  const { request, check, headers } = installed;
  if (request === undefined || check === undefined || headers === undefined) {
    throw new Error('hardenSession left a handler out');
  }
  return { request, check, headers, protocols: installed.protocols };
}

function requestPermission(location: RendererLocation, permission: string, url: string) {
  const answers: boolean[] = [];
  hardened(location).request(null, permission, (granted) => answers.push(granted), {
    requestingUrl: url,
  });
  return answers;
}

/** A web contents that records the guard's listeners. */
function recordingContents() {
  const listeners = new Map<string, (event: Preventable, url: string) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardableContents = {
    on(event: string, listener: (event: Preventable, url: string) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const opened: string[] = [];
  const logged: string[] = [];
  guardWebContents(
    contents,
    built,
    (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    (line) => logged.push(line),
  );
  /** Fires `event` for `url`; true when the guard stopped it. */
  function fire(event: string, url: string): boolean {
    let prevented = false;
    const listener = listeners.get(event);
    if (listener === undefined) throw new Error(`no ${event} listener`);
    listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
  return { fire, openWindow: (url: string) => openHandler?.({ url }), opened, logged };
}

describe('the dashboard window (checklist 2–4, 6, 8–10, 12)', () => {
  const preferences = mainWindowOptions(PRELOAD).webPreferences ?? {};

  it('2: keeps Node out of the page, its workers and its frames', () => {
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('3, 4: isolates the preload from the page and sandboxes the renderer', () => {
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.preload).toBe(PRELOAD);
  });

  it('6, 8: keeps web security on and never runs insecure content', () => {
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.allowRunningInsecureContent).toBe(false);
  });

  it('9, 10, 12: enables no experimental or Blink features, and no webview', () => {
    expect(preferences.experimentalFeatures).toBe(false);
    expect(preferences.enableBlinkFeatures).toBeUndefined();
    expect(preferences.webviewTag).toBe(false);
    // Middle click would open links in a new window.
    expect(preferences.disableBlinkFeatures).toBe('Auxclick');
    expect(preferences.navigateOnDragDrop).toBe(false);
  });

  it('the hidden report window has the same settings and no JavaScript at all', () => {
    const report = reportWindowOptions().webPreferences ?? {};
    expect(report).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      javascript: false,
    });
    expect(report.preload).toBeUndefined();
    expect(report.enableBlinkFeatures).toBeUndefined();
  });
});

describe('permissions (checklist 5)', () => {
  it('grants the dashboard notifications and nothing else', () => {
    expect(requestPermission(built, 'notifications', `${APP_INDEX_URL}#/alerts`)).toEqual([true]);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'usb']) {
      expect(requestPermission(built, permission, APP_INDEX_URL)).toEqual([false]);
    }
  });

  it('refuses notifications to any page that is not the dashboard', () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html']) {
      expect(requestPermission(built, 'notifications', url)).toEqual([false]);
    }
  });

  it('answers permission checks the same way', () => {
    const { check } = hardened(built);
    expect(check(null, 'notifications', 'app://rigledger', { requestingUrl: APP_INDEX_URL })).toBe(
      true,
    );
    expect(check(null, 'media', 'app://rigledger', { requestingUrl: APP_INDEX_URL })).toBe(false);
    expect(check(null, 'notifications', 'https://evil.example', {})).toBe(false);
  });
});

describe('content security policy (checklist 7)', () => {
  it('serves the built dashboard from app:// with the strict policy as a header', async () => {
    const { protocols } = hardened(built);
    expect([...protocols.keys()]).toEqual([APP_SCHEME]);
    const handler = protocols.get(APP_SCHEME);
    const response = await handler?.(new Request('app://rigledger/no-such-file.js'));
    expect(response?.headers.get('Content-Security-Policy')).toMatch(
      /^default-src 'self'; script-src 'self';.*frame-ancestors 'none'/,
    );
  });

  it('adds the policy to every http response (the dev server) and keeps the others', () => {
    const { headers } = hardened(dev);
    let answered: Record<string, string[]> = {};
    headers({ responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => {
      answered = response.responseHeaders;
    });
    expect(answered['Content-Type']).toEqual(['text/html']);
    expect(answered['Content-Security-Policy']?.[0]).toMatch(
      /connect-src 'self' http:\/\/localhost:5173 ws:\/\/localhost:5173/,
    );
    expect(answered['X-Content-Type-Options']).toEqual(['nosniff']);
  });

  it('index.html carries the policy as a meta tag too', async () => {
    const html = await readFile(
      join(import.meta.dirname, '..', '..', 'src-renderer', 'index.html'),
      'utf8',
    );
    expect(html).toMatch(/<meta\s+http-equiv="Content-Security-Policy"/);
  });
});

describe('navigation, new windows and webviews (checklist 12–15)', () => {
  it('13: stays on the dashboard and its routes', () => {
    const guard = recordingContents();
    expect(guard.fire('will-navigate', `${APP_INDEX_URL}#/loans`)).toBe(false);
    expect(guard.fire('will-redirect', APP_INDEX_URL)).toBe(false);
  });

  it('13: stops navigation anywhere else and redirects away', () => {
    const guard = recordingContents();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://rigledger.evil/index.html',
      'app://rigledger/other.html',
      'http://localhost:5173/',
    ]) {
      expect(guard.fire('will-navigate', url)).toBe(true);
      expect(guard.fire('will-redirect', url)).toBe(true);
    }
    expect(guard.opened).toEqual([]);
  });

  it('14: denies every new window', () => {
    const guard = recordingContents();
    expect(guard.openWindow(APP_INDEX_URL)).toEqual({ action: 'deny' });
    expect(guard.openWindow('https://mempool.space/block/0000')).toEqual({ action: 'deny' });
  });

  it('15: hands only vetted https links to the system browser', () => {
    const guard = recordingContents();
    guard.openWindow('https://mempool.space/block/0000');
    expect(guard.fire('will-navigate', 'https://www.binance.com/en/futures/BTCUSDT')).toBe(true);
    guard.openWindow('http://mempool.space/');
    guard.openWindow('https://evil.example/');
    guard.openWindow('file:///bin/sh');
    expect(guard.opened).toEqual([
      'https://mempool.space/block/0000',
      'https://www.binance.com/en/futures/BTCUSDT',
    ]);
    expect(guard.logged).toHaveLength(3);
  });

  it('12: refuses to attach a webview', () => {
    const guard = recordingContents();
    expect(guard.fire('will-attach-webview', '')).toBe(true);
  });
});

describe('custom protocol instead of file:// (checklist 18)', () => {
  it('loads the built dashboard from app://rigledger/, never file://', () => {
    expect(built.url).toBe('app://rigledger/index.html');
    expect(built.rendererDir).toBe('/app/out/renderer');
    expect(built.isDashboardUrl('file:///app/out/renderer/index.html')).toBe(false);
  });

  it('registers app:// as a secure standard scheme without bypassing the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    });
  });

  it('the dev server mode loads its own page and serves nothing from app://', () => {
    expect(dev.url).toBe('http://localhost:5173/');
    expect(dev.isDashboardUrl('http://localhost:5173/index.html')).toBe(true);
    expect(dev.isDashboardUrl('http://localhost:5174/')).toBe(false);
    expect(hardened(dev).protocols.size).toBe(0);
  });
});
