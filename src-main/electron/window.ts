import { app, BrowserWindow, session, shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy, isAllowedExternalUrl } from '#shared/security-policy';
import { PRELOAD_PATH, type RendererLocation } from './renderer-location';
import { describeError } from '#shared/describe-error';

// The dashboard window, hardened per Electron's security checklist: isolated, sandboxed,
// no Node, a strict CSP, no navigation away, no new windows, no permissions.

const WINDOW_BACKGROUND = '#121212';

/** Opens vetted https links in the system browser; everything else goes nowhere. */
function openExternally(url: string, log: (line: string) => void): void {
  if (!isAllowedExternalUrl(url)) {
    log(`RigLedger blocked a link to ${url}: only https links to known sites open in the browser.`);
    return;
  }
  shell
    .openExternal(url)
    .catch((error: unknown) =>
      log(`Could not open ${url} in the browser: ${describeError(error)}`),
    );
}

/** Session-wide rules; call once, before any window loads. */
export function hardenSession(
  location: RendererLocation,
  target: Session = session.defaultSession,
): void {
  const policy = contentSecurityPolicy({
    dev: location.devOrigin !== undefined,
    devOrigin: location.devOrigin,
  });
  target.webRequest.onHeadersReceived((details, respond) => {
    respond({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policy],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  // A finance dashboard needs no camera, location, notifications-from-page, USB…
  target.setPermissionRequestHandler((_contents, _permission, decide) => decide(false));
  target.setPermissionCheckHandler(() => false);
}

/** Applies to every web contents the app ever creates, not only the main window. */
export function lockNavigation(location: RendererLocation, log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (location.isDashboardUrl(url)) return;
      event.preventDefault();
      openExternally(url, log);
    });
    contents.on('will-redirect', (event, url) => {
      if (!location.isDashboardUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url, log);
      return { action: 'deny' };
    });
  });
}

export function createMainWindow(
  location: RendererLocation,
  log: (line: string) => void,
): BrowserWindow {
  const window = new BrowserWindow({
    title: 'RigLedger',
    width: 1360,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());

  const loaded =
    location.load.kind === 'file'
      ? window.loadFile(location.load.path)
      : window.loadURL(location.load.url);
  loaded.catch((error: unknown) =>
    log(`RigLedger could not load its dashboard: ${describeError(error)}`),
  );
  return window;
}
