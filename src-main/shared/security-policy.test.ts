import { describe, expect, it } from 'vitest';
import {
  CSP_META_PLACEHOLDER,
  contentSecurityPolicy,
  isAllowedExternalUrl,
  metaContentSecurityPolicy,
  withContentSecurityPolicyMeta,
} from './security-policy';

describe('contentSecurityPolicy', () => {
  it('allows only the app itself to run scripts and connect, outside development', () => {
    const policy = contentSecurityPolicy({ dev: false });
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
  });

  it('lets the dev server and its hot-reload socket in only in development', () => {
    const policy = contentSecurityPolicy({ dev: true, devOrigin: 'http://localhost:5173' });
    expect(policy).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
  });
});

describe('the policy as a meta tag', () => {
  it('is the header policy without frame-ancestors, which a meta tag cannot carry', () => {
    const meta = metaContentSecurityPolicy({ dev: false });
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toBe(
      contentSecurityPolicy({ dev: false }).replace("frame-ancestors 'none'; ", ''),
    );
  });

  it('is written into index.html where the placeholder stands', () => {
    const html = `<head><meta http-equiv="Content-Security-Policy" content="${CSP_META_PLACEHOLDER}" /></head>`;
    const written = withContentSecurityPolicyMeta(html, { dev: false });
    expect(written).toBe(
      `<head><meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy({ dev: false })}" /></head>`,
    );
    expect(written).not.toContain(CSP_META_PLACEHOLDER);
  });

  it('fails the build when index.html has lost its meta tag', () => {
    expect(() => withContentSecurityPolicyMeta('<head></head>', { dev: false })).toThrow(
      /Content-Security-Policy meta tag/,
    );
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://mempool.space/block/0000', 'https://www.binance.com/en/futures/BTCUSDT'])(
    'opens %s in the browser',
    (url) => expect(isAllowedExternalUrl(url)).toBe(true),
  );

  it.each([
    'http://mempool.space/',
    'https://mempool.space.evil.example/',
    'https://user:pass@mempool.space/',
    'https://mempool.space:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
