import type { BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy, isAllowedExternalUrl } from '#shared/security-policy';
import { APP_SCHEME, createAppRequestHandler } from './app-protocol';
import type { RendererLocation } from './renderer-location';
import { describeError } from '#shared/describe-error';

// Electron's security checklist (electronjs.org/docs/latest/tutorial/security) as data
// and small handlers: the window options, the session's permission handlers and CSP,
// and the navigation rules for every web contents. No Electron import at run time:
// window.ts hands these to Electron, and hardening.test.ts reads them item by item.

const WINDOW_BACKGROUND = '#121212';

/** The dashboard window: isolated, sandboxed, no Node, nothing experimental. */
/** What every RigLedger page runs with: isolated, sandboxed, no Node, no webviews. */
const ISOLATED_PAGE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'RigLedger',
    width: 1360,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: {
      preload: preloadPath,
      ...ISOLATED_PAGE,
      // A middle click would otherwise try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

/** The hidden window that lays out a report for printToPDF: no scripts at all. */
export function reportWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: {
      ...ISOLATED_PAGE,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      javascript: false,
    },
  };
}

/** The one permission the dashboard may hold: notifications, and only for itself. */
export function permissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  location: RendererLocation,
): boolean {
  return (
    permission === 'notifications' &&
    requestingUrl !== undefined &&
    location.isDashboardUrl(requestingUrl)
  );
}

/** The session hooks hardenSession uses; Electron's Session provides them. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      decide: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      contents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string },
    ) => boolean,
  ): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        respond: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
  protocol: {
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
}

/** Session-wide rules; call once, before any window loads. */
export function hardenSession(
  target: HardenableSession,
  location: RendererLocation,
  log: (line: string) => void,
): void {
  const policy = contentSecurityPolicy({
    dev: location.devOrigin !== undefined,
    devOrigin: location.devOrigin,
  });
  if (location.rendererDir !== undefined) {
    target.protocol.handle(
      APP_SCHEME,
      createAppRequestHandler({
        rendererDir: location.rendererDir,
        contentSecurityPolicy: policy,
        log,
      }),
    );
  }
  // Responses over http(s) (the dev server) carry the same policy as app:// pages.
  target.webRequest.onHeadersReceived((details, respond) => {
    respond({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policy],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  target.setPermissionRequestHandler((_contents, permission, decide, details) =>
    decide(permissionAllowed(permission, details.requestingUrl, location)),
  );
  target.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    permissionAllowed(permission, details.requestingUrl, location),
  );
}

/** Opens vetted https links in the system browser; everything else goes nowhere. */
export function openVettedLink(
  url: string,
  openExternal: (url: string) => Promise<void>,
  log: (line: string) => void,
): void {
  if (!isAllowedExternalUrl(url)) {
    log(`RigLedger blocked a link to ${url}: only https links to known sites open in the browser.`);
    return;
  }
  openExternal(url).catch((error: unknown) =>
    log(`Could not open ${url} in the browser: ${describeError(error)}`),
  );
}

/** A navigation event: the listener may stop it. */
export interface Preventable {
  preventDefault(): void;
}

/** The web-contents hooks guardWebContents uses; Electron's WebContents provides them. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Keeps a web contents on the dashboard: no navigation away, no new windows, no webviews. */
export function guardWebContents(
  contents: GuardableContents,
  location: RendererLocation,
  openExternal: (url: string) => Promise<void>,
  log: (line: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (location.isDashboardUrl(url)) return;
    event.preventDefault();
    openVettedLink(url, openExternal, log);
  });
  contents.on('will-redirect', (event, url) => {
    if (!location.isDashboardUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openVettedLink(url, openExternal, log);
    return { action: 'deny' };
  });
}
