import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { RpcError } from '#api/errors';
import { contentSecurityPolicy } from '#shared/security-policy';
import type { FarmService } from '#service/types';
import { isAuthenticated, setTokenCookie, tokenMatches } from './auth';
import { streamEvents } from './events';
import { createHostGuard } from './host-guard';
import { errorResponse, handleRpc, type LogLine } from './rpc';
import { describeError } from '#shared/describe-error';

// The web host: the same contract as the Electron IPC bridge, over HTTP + SSE, plus the
// built renderer as static files. Everything is refused unless Host and Origin name this
// listener; the API and the index page also need the token.

export interface WebAppOptions {
  service: FarmService;
  token: string;
  /** `host:port` values the Host header may carry (see allowedHostsFor). */
  allowedHosts: readonly string[];
  /** The built renderer (out/renderer). */
  rendererDir: string;
  log?: LogLine;
  /** Tests shorten the SSE heartbeat. */
  heartbeatMs?: number;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy({ dev: false }),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const OPEN_WITH_TOKEN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RigLedger</title></head>
<body>
<h1>RigLedger</h1>
<p>This dashboard needs its access token. Open the address that <code>npm run serve</code>
printed when it started (the line <code>RigLedger listening on http://…/?token=…</code>).</p>
</body></html>
`;

const NO_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RigLedger</title></head>
<body><h1>RigLedger</h1><p>The dashboard has not been built. Stop this server and run
<code>npm run serve</code>, which builds it first.</p></body></html>
`;

function setSecurityHeaders(c: Context): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
}

/** The page to return to after the token exchange; never `//host` (another site). */
function samePagePath(path: string): string {
  return /^\/(?![/\\])[\w\-./~]*$/.test(path) ? path : '/';
}

function refuse(c: Context, status: 401 | 403, message: string): Response {
  const code = status === 401 ? 'unauthorized' : 'forbidden';
  return c.json({ error: { code, message } }, status);
}

export function createWebApp(options: WebAppOptions): Hono {
  const { service, token, rendererDir } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  const guard = createHostGuard(options.allowedHosts);
  const app = new Hono();

  app.use('*', async (c, next) => {
    setSecurityHeaders(c);
    if (!guard.hostAllowed(c.req.header('Host'))) {
      return refuse(
        c,
        403,
        'This address is not the one RigLedger listens on; use the printed URL.',
      );
    }
    if (!guard.originAllowed(c.req.header('Origin'))) {
      return refuse(c, 403, 'Requests from other web sites are refused.');
    }
    await next();
    setSecurityHeaders(c);
  });

  app.use('/api/*', async (c, next) => {
    if (!isAuthenticated(c, token)) {
      return errorResponse(
        c,
        new RpcError(
          'unauthorized',
          'This request needs the access token: open the URL printed by npm run serve, or send Authorization: Bearer <token>.',
        ),
        log,
      );
    }
    await next();
  });

  app.post('/api/rpc/:method', (c) => handleRpc(c, service, c.req.param('method'), log));
  app.get('/api/events', (c) => streamEvents(c, service, log, options.heartbeatMs));
  app.all('/api/*', (c) =>
    errorResponse(
      c,
      new RpcError('not_found', `There is no ${c.req.method} ${c.req.path} in RigLedger's API.`),
      log,
    ),
  );

  const indexPage = async (c: Context): Promise<Response> => {
    const fromUrl = c.req.query('token');
    if (fromUrl !== undefined) {
      if (!tokenMatches(fromUrl, token)) {
        return c.html(OPEN_WITH_TOKEN_PAGE, 401);
      }
      // Trade the token in the URL for a cookie, then drop it from the address bar and history.
      setTokenCookie(c, token);
      c.header('Cache-Control', 'no-store');
      return c.redirect(samePagePath(c.req.path), 303);
    }
    if (!isAuthenticated(c, token)) return c.html(OPEN_WITH_TOKEN_PAGE, 401);
    c.header('Cache-Control', 'no-store');
    try {
      return c.html(await readFile(join(rendererDir, 'index.html'), 'utf8'));
    } catch (error) {
      log(`RigLedger: cannot read the built dashboard in ${rendererDir}: ${describeError(error)}`);
      return c.html(NO_BUILD_PAGE, 503);
    }
  };

  app.get('/', indexPage);
  app.get('/index.html', indexPage);
  // Built assets carry a content hash in their name and never change: cache them for a
  // year. The page itself (above) is never cached, so a new build is picked up at once.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200 && /\/assets\/[^/]+-[\w-]{8}\.\w+$/.test(c.req.path)) {
      c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    }
  });
  // The build writes .br and .gz copies beside each script and style sheet.
  app.use('*', serveStatic({ root: rendererDir, precompressed: true }));
  // Single-page app: any other page address gets the index (which checks the token);
  // a missing file (a name with an extension) is a plain 404.
  app.get('*', (c) => (/\.[^/]*$/.test(c.req.path) ? c.text('Not found.', 404) : indexPage(c)));

  app.onError((error, c) => errorResponse(c, error, log));
  return app;
}
