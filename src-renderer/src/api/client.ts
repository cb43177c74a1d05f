import type { DesktopBridge } from '#api/events';
import { connectElectronHost } from './electron-host';
import type { Host } from './host';
import { connectHttpHost } from './http-host';

// The renderer never knows its host: under Electron the preload exposes
// `window.rigledger`; in a browser the web host answers HTTP + SSE.

declare global {
  interface Window {
    rigledger?: DesktopBridge;
  }
}

/** Keeps the sign-in token out of the address bar and history once the cookie is set. */
function forgetTokenInAddress(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.toString());
}

export function connectHost(): Host {
  if (window.rigledger) return connectElectronHost(window.rigledger);
  forgetTokenInAddress();
  return connectHttpHost();
}

export type { ConnectionState, Host } from './host';
