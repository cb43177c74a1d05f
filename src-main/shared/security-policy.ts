// The security policy both hosts apply to the renderer: the Content-Security-Policy and
// the short list of web sites a link may open in the system browser. Pure data, no
// Electron import, so the web host uses the same policy.

export interface PolicyOptions {
  /** The Vite dev server injects an inline React-refresh preamble and talks over a WebSocket. */
  dev: boolean;
  /** The dev server's origin, e.g. http://localhost:5173 (only with dev). */
  devOrigin?: string;
}

function policyDirectives({ dev, devOrigin }: PolicyOptions): string[] {
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
  ];
}

/** The policy as a response header (the desktop app's app:// handler, the web host). */
export function contentSecurityPolicy(options: PolicyOptions): string {
  return policyDirectives(options).join('; ');
}

/**
 * The same policy for `<meta http-equiv>` in index.html, so the page is covered even
 * where no header reaches it. Browsers ignore frame-ancestors in a meta policy (and warn
 * about it), so it stays in the header only.
 */
export function metaContentSecurityPolicy(options: PolicyOptions): string {
  return policyDirectives(options)
    .filter((directive) => !directive.startsWith('frame-ancestors '))
    .join('; ');
}

/** Stands in src-renderer/index.html for the meta policy until the build writes it. */
export const CSP_META_PLACEHOLDER = '__RIGLEDGER_CONTENT_SECURITY_POLICY__';

/** Writes the meta policy into index.html; an index without the placeholder is a build error. */
export function withContentSecurityPolicyMeta(html: string, options: PolicyOptions): string {
  if (!html.includes(CSP_META_PLACEHOLDER)) {
    throw new Error(
      `index.html has no Content-Security-Policy meta tag with content="${CSP_META_PLACEHOLDER}".`,
    );
  }
  const escaped = metaContentSecurityPolicy(options).replaceAll('"', '&quot;');
  return html.replaceAll(CSP_META_PLACEHOLDER, escaped);
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
