import { app, BrowserWindow, protocol, session, shell, type WebContents } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';
import { guardWebContents, hardenSession, mainWindowOptions } from './hardening';
import { PRELOAD_PATH, type RendererLocation } from './renderer-location';

// The dashboard window and the Electron calls that put hardening.ts in force: the app://
// scheme, the session's permission handlers and CSP, and the navigation guard on every
// web contents the app creates.

export { mainWindowOptions } from './hardening';

/** Before the app is ready: app:// becomes a standard, secure scheme. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Session-wide rules; call once, after ready and before any window loads. */
export function secureSession(location: RendererLocation, log: (line: string) => void): void {
  hardenSession(session.defaultSession, location, log);
}

/** Applies to every web contents the app ever creates, not only the main window. */
export function lockNavigation(location: RendererLocation, log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    guardWebContents(contents, location, (url) => shell.openExternal(url), log);
  });
}

export function createMainWindow(
  location: RendererLocation,
  log: (line: string) => void,
): BrowserWindow {
  // Electronegativity reads only literal options: it audits these as the literal that
  // scripts/audit-electron.ts writes out, and hardening.test.ts checks them item by item.
  const window = new BrowserWindow(mainWindowOptions(PRELOAD_PATH)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  window.once('ready-to-show', () => window.show());
  window
    .loadURL(location.url)
    .catch((error: unknown) => log(`RigLedger could not load its dashboard: ${String(error)}`));
  return window;
}
