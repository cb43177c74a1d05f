import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Where the dashboard comes from: the built files next to this bundle (out/main →
// out/renderer, out/preload), or the Vite dev server that `electron-vite dev` names in
// ELECTRON_RENDERER_URL. Only pages from here may use the RPC bridge.

const BUNDLE_DIR = import.meta.dirname;

export const PRELOAD_PATH = join(BUNDLE_DIR, '..', 'preload', 'index.cjs');
export const RENDERER_INDEX_PATH = join(BUNDLE_DIR, '..', 'renderer', 'index.html');
export const RESOURCES_DIR = join(BUNDLE_DIR, '..', '..', 'resources');

export interface RendererLocation {
  /** What the window loads: a file path, or the dev server URL. */
  load: { kind: 'file'; path: string } | { kind: 'url'; url: string };
  /** True when a page at `url` is the dashboard (not some page it navigated to). */
  isDashboardUrl(url: string): boolean;
  /** The dev server's origin, for the dev CSP; undefined for the built files. */
  devOrigin?: string;
}

export function rendererLocation(
  devUrl: string | undefined = process.env.ELECTRON_RENDERER_URL,
): RendererLocation {
  if (devUrl !== undefined && devUrl !== '') {
    const origin = new URL(devUrl).origin;
    return {
      load: { kind: 'url', url: devUrl },
      isDashboardUrl: (url) => originOf(url) === origin,
      devOrigin: origin,
    };
  }
  const indexUrl = pathToFileURL(RENDERER_INDEX_PATH).href;
  return {
    load: { kind: 'file', path: RENDERER_INDEX_PATH },
    // The dashboard routes inside the page (hash), so only the index file itself is ours.
    isDashboardUrl: (url) => withoutFragment(url) === indexUrl,
  };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function withoutFragment(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:') return null;
    parsed.hash = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return null;
  }
}
