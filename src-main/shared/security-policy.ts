// The security policy both hosts apply to the renderer: the Content-Security-Policy and
// the short list of web sites a link may open in the system browser. Pure data, no
// Electron import, so the web host uses the same policy.

export interface PolicyOptions {
  /** The Vite dev server injects an inline React-refresh preamble and talks over a WebSocket. */
  dev: boolean;
  /** The dev server's origin, e.g. http://localhost:5173 (only with dev). */
  devOrigin?: string;
}

export function contentSecurityPolicy({ dev, devOrigin }: PolicyOptions): string {
  const devScript = dev ? " 'unsafe-inline'" : '';
  const devConnect =
    dev && devOrigin !== undefined ? ` ${devOrigin} ${devOrigin.replace(/^http/, 'ws')}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${devScript}`,
    // MUI styles through emotion, which injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${devConnect}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Sites the dashboard links to (explorers, exchanges, price sources); https only. */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'mempool.space',
  'www.coingecko.com',
  'www.binance.com',
  'www.bybit.com',
  'www.kraken.com',
  'pro.kraken.com',
  'explorer.kaspa.org',
  'blockchair.com',
  'litecoinspace.org',
  'etc.blockscout.com',
]);

/** True when `url` may be handed to the system browser. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_LINK_HOSTS.has(parsed.hostname)
  );
}
