import { join } from 'node:path';
import { APP_INDEX_URL, isAppDashboardUrl } from './app-protocol';

// Where the dashboard comes from: the built files next to this bundle (out/main →
// out/renderer, out/preload), served as app://rigledger/, or the Vite dev server that
// `electron-vite dev` names in ELECTRON_RENDERER_URL. Only pages from here may use the
// RPC bridge.

const BUNDLE_DIR = import.meta.dirname;

export const PRELOAD_PATH = join(BUNDLE_DIR, '..', 'preload', 'index.cjs');
export const RENDERER_DIR = join(BUNDLE_DIR, '..', 'renderer');
export const RESOURCES_DIR = join(BUNDLE_DIR, '..', '..', 'resources');

export interface RendererLocation {
  /** What the window loads: app://rigledger/index.html, or the dev server's page. */
  url: string;
  /** The built files the app:// scheme serves; undefined with the dev server. */
  rendererDir?: string;
  /** True when a page at `url` is the dashboard (not some page it navigated to). */
  isDashboardUrl(url: string): boolean;
  /** The dev server's origin, for the dev CSP; undefined for the built files. */
  devOrigin?: string;
}

export function rendererLocation(
  devUrl: string | undefined = process.env.ELECTRON_RENDERER_URL,
  rendererDir: string = RENDERER_DIR,
): RendererLocation {
  if (devUrl !== undefined && devUrl !== '') {
    const origin = new URL(devUrl).origin;
    return {
      url: devUrl,
      isDashboardUrl: (url) => originOf(url) === origin,
      devOrigin: origin,
    };
  }
  return { url: APP_INDEX_URL, rendererDir, isDashboardUrl: isAppDashboardUrl };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
