import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { CustomScheme } from 'electron';

// The desktop app serves its dashboard from app://rigledger/ instead of file://: a real
// origin for 'self' in the CSP, response headers that Chromium applies (it ignores them
// for file://), and a handler that answers only files inside the built renderer folder.
// No Electron import at run time, so the handler is tested with real files in Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'rigledger';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before the app is ready. `standard` and `secure` give the page a real
 * origin that counts as secure; `supportFetchAPI` and `corsEnabled` let the module
 * scripts Vite emits (`<script type="module" crossorigin>`) load. No bypassCSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} satisfies CustomScheme;

/** True for the dashboard page itself, whatever route its fragment names. */
export function isAppDashboardUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === '' &&
      (parsed.pathname === '/index.html' || parsed.pathname === '/')
    );
  } catch {
    return false;
  }
}

/** Content types of what the renderer build emits; anything else is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string | undefined {
  return CONTENT_TYPES[extname(path).toLowerCase()];
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

export interface AppRequestHandlerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The Content-Security-Policy header every page and file is served with. */
  contentSecurityPolicy: string;
  log: (line: string) => void;
}

/** The `protocol.handle(APP_SCHEME, …)` handler: a file of the build, or a refusal. */
export function createAppRequestHandler(
  options: AppRequestHandlerOptions,
): (request: Request) => Promise<Response> {
  const securityHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  const refuse = (status: 403 | 404 | 405 | 503, text: string): Response =>
    new Response(text, {
      status,
      headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
    });

  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(404, 'Not found.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(405, 'The dashboard files can only be read.');
    }
    if (url.host !== APP_HOST) return refuse(404, 'Not found.');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return refuse(404, 'Not found.');
    }
    if (pathname === '/') pathname = '/index.html';
    // URL parsing already folds "/../"; an encoded dot, slash or backslash is refused here.
    if (pathname.includes('\0') || pathname.includes('\\') || /(^|\/)\.\.?(\/|$)/.test(pathname)) {
      options.log(`RigLedger refused to serve ${request.url}: it leaves the dashboard folder.`);
      return refuse(403, 'Only the dashboard’s own files are served.');
    }
    const contentType = contentTypeFor(pathname);
    if (contentType === undefined) return refuse(404, 'Not found.');
    let root: string;
    try {
      root = await realpath(options.rendererDir);
    } catch {
      options.log(`RigLedger: the dashboard is not built in ${options.rendererDir}.`);
      return refuse(503, 'The dashboard has not been built: run npm run build, then start again.');
    }
    const candidate = join(root, ...pathname.split('/').filter((part) => part !== ''));
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      return refuse(404, 'Not found.');
    }
    // A symbolic link inside the build must not lead outside it either.
    if (!isInside(root, real)) {
      options.log(`RigLedger refused to serve ${request.url}: it leaves the dashboard folder.`);
      return refuse(403, 'Only the dashboard’s own files are served.');
    }
    let body: Buffer;
    try {
      body = await readFile(real);
    } catch {
      return refuse(404, 'Not found.');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': contentType, 'Cache-Control': 'no-cache' },
    });
  };
}
