import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_COOKIE } from './auth';
import {
  INDEX_HTML,
  SECRET,
  startTestHost,
  TEST_TOKEN,
  type RawReply,
  type RawRequest,
  type TestHost,
} from './test-host';

// The web host's attack list, as a hostile page or a script on the network would try it:
// tokens, cookies, Origin, Host rebinding, body limits, path traversal and response
// headers. Every attack must be refused, leak nothing and change nothing.

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host.close();
});

const bearer = { Authorization: `Bearer ${TEST_TOKEN}` };
const cookie = { Cookie: `${TOKEN_COOKIE}=${TEST_TOKEN}` };
const rigInput = JSON.stringify({
  name: 'Attacker rig',
  coin: 'BTC',
  hashrate: '110',
  hashrateUnit: 'TH/s',
  powerWatts: '3250',
  quantity: 1,
  poolFeePct: '2',
  status: 'active',
});

/** A write that would change the farm if it got through. */
const createRig = (headers: Record<string, string | string[]>): RawRequest => ({
  method: 'POST',
  path: '/api/rpc/rigs.create',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: rigInput,
});

async function rigCount(): Promise<number> {
  const reply = await host.send({
    method: 'POST',
    path: '/api/rpc/rigs.list',
    headers: bearer,
    body: '{}',
  });
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.text) as unknown[]).length;
}

function expectRefused(reply: RawReply, status: number): void {
  expect(reply.status).toBe(status);
  expect(reply.text).not.toContain(TEST_TOKEN);
  expect(reply.headers['set-cookie']).toBeUndefined();
  expect(reply.headers['access-control-allow-origin']).toBeUndefined();
}

describe('tokens', () => {
  const port = () => host.port;
  it.each<[string, () => Record<string, string | string[]>]>([
    ['no credentials at all', () => ({})],
    ['an empty bearer', () => ({ Authorization: 'Bearer ' })],
    [
      'a wrong token of the same length',
      () => ({ Authorization: `Bearer ${'0'.repeat(TEST_TOKEN.length)}` }),
    ],
    [
      'the token without its last character',
      () => ({ Authorization: `Bearer ${TEST_TOKEN.slice(0, -1)}` }),
    ],
    ['the token with one character more', () => ({ Authorization: `Bearer ${TEST_TOKEN}0` })],
    ['the token in upper case', () => ({ Authorization: `Bearer ${TEST_TOKEN.toUpperCase()}` })],
    [
      'the token as Basic credentials',
      () => ({ Authorization: `Basic ${Buffer.from(`x:${TEST_TOKEN}`).toString('base64')}` }),
    ],
    [
      'the token followed by a second word',
      () => ({ Authorization: `Bearer ${TEST_TOKEN} extra` }),
    ],
    [
      'the token in a header of another name',
      () => ({ 'X-Token': TEST_TOKEN, 'X-Api-Key': TEST_TOKEN }),
    ],
    [
      'two Authorization headers, the first wrong',
      () => ({ Authorization: ['Bearer wrong', `Bearer ${TEST_TOKEN}`] }),
    ],
    [
      'a Host and Origin that are right, but no token',
      () => ({ Origin: `http://127.0.0.1:${port()}` }),
    ],
  ])('refuses a write with %s (401, nothing stored)', async (_name, headers) => {
    const before = await rigCount();
    expectRefused(await host.send(createRig(headers())), 401);
    expect(await rigCount()).toBe(before);
  });

  it('refuses the token in the API query string (tokens in URLs end up in logs)', async () => {
    const reply = await host.send({
      method: 'POST',
      path: `/api/rpc/rigs.list?token=${TEST_TOKEN}`,
      body: '{}',
    });
    expectRefused(reply, 401);
  });

  it('refuses the event stream without the token', async () => {
    expectRefused(await host.send({ path: '/api/events' }), 401);
    expectRefused(await host.send({ path: `/api/events?token=${TEST_TOKEN}` }), 401);
  });

  it('trades no cookie for a wrong token, and never echoes the token it was sent', async () => {
    const guess = `${TEST_TOKEN.slice(0, -1)}0`;
    const reply = await host.send({ path: `/?token=${guess}` });
    expectRefused(reply, 401);
    expect(reply.text).not.toContain(guess);
  });
});

describe('cookies', () => {
  it('hands out an HttpOnly, SameSite=Strict, host-only cookie for the whole site', async () => {
    const reply = await host.send({ path: `/?token=${TEST_TOKEN}` });
    expect(reply.status).toBe(303);
    const setCookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it.each<[string, Record<string, string>]>([
    ['a wrong cookie value', { Cookie: `${TOKEN_COOKIE}=${'0'.repeat(TEST_TOKEN.length)}` }],
    ['the token under another cookie name', { Cookie: `session=${TEST_TOKEN}` }],
    ['an empty cookie', { Cookie: `${TOKEN_COOKIE}=` }],
  ])('refuses a write with %s', async (_name, headers) => {
    expectRefused(await host.send(createRig(headers)), 401);
  });

  it('refuses a cookie-carrying write from another site (CSRF), storing nothing', async () => {
    const before = await rigCount();
    for (const origin of ['http://evil.example', 'null']) {
      expectRefused(await host.send(createRig({ ...cookie, Origin: origin })), 403);
    }
    expect(await rigCount()).toBe(before);
  });

  it('sets no cookie when the token is offered under a foreign Host', async () => {
    const reply = await host.send({
      path: `/?token=${TEST_TOKEN}`,
      headers: { Host: 'evil.example' },
    });
    expectRefused(reply, 403);
  });
});

describe('Origin', () => {
  it.each([
    ['another site', () => 'http://evil.example'],
    ['an opaque origin (sandboxed frame, file://)', () => 'null'],
    ['https instead of http', () => `https://127.0.0.1:${host.port}`],
    ['another port on this machine', () => `http://127.0.0.1:${host.port + 1}`],
    ['a look-alike name', () => `http://127.0.0.1.evil.example:${host.port}`],
    ['user info before the real host', () => `http://127.0.0.1:${host.port}@evil.example`],
    ['a trailing path', () => `http://127.0.0.1:${host.port}/`],
  ])('refuses %s, even with the token', async (_name, origin) => {
    const before = await rigCount();
    expectRefused(await host.send(createRig({ ...bearer, Origin: origin() })), 403);
    expect(await rigCount()).toBe(before);
  });

  it('refuses a foreign Origin on the page and the event stream too', async () => {
    expectRefused(
      await host.send({ path: '/', headers: { ...cookie, Origin: 'http://evil.example' } }),
      403,
    );
    expectRefused(
      await host.send({
        path: '/api/events',
        headers: { ...bearer, Origin: 'http://evil.example' },
      }),
      403,
    );
  });

  it('answers a CORS preflight from another site with a refusal and no Allow headers', async () => {
    const reply = await host.send({
      method: 'OPTIONS',
      path: '/api/rpc/rigs.create',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expectRefused(reply, 403);
    expect(reply.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('Host (DNS rebinding)', () => {
  it.each([
    ['another name on our port', () => `evil.example:${host.port}`],
    ['another name without a port', () => 'evil.example'],
    ['our address without the port', () => '127.0.0.1'],
    ['our address on another port', () => `127.0.0.1:${host.port + 1}`],
    ['a rebinding name that resolves to us', () => `127.0.0.1.nip.io:${host.port}`],
    ['localhost with a trailing dot', () => `localhost.:${host.port}`],
    ['every interface', () => `0.0.0.0:${host.port}`],
  ])('refuses %s, even with the token', async (_name, hostHeader) => {
    expectRefused(await host.send(createRig({ ...bearer, Host: hostHeader() })), 403);
    expectRefused(await host.send({ path: '/', headers: { ...cookie, Host: hostHeader() } }), 403);
  });

  it('refuses a request with no Host header', async () => {
    const reply = await host.send({
      method: 'POST',
      path: '/api/rpc/rigs.list',
      headers: bearer,
      body: '{}',
      noHost: true,
    });
    // Node itself answers 400 to an HTTP/1.1 request without Host; the guard would say 403.
    expect([400, 403]).toContain(reply.status);
    expect(reply.text.startsWith('[')).toBe(false);
  });
});

describe('body limits', () => {
  it('refuses a declared body over 1 MiB before reading it', async () => {
    const reply = await host.send({
      method: 'POST',
      path: '/api/rpc/rigs.create',
      headers: { ...bearer, 'Content-Length': String(2 * 1024 * 1024) },
      body: '{}'.padEnd(2 * 1024 * 1024, ' '),
    });
    expectRefused(reply, 413);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: 'too_large' } });
  });

  it('stops reading an undeclared (chunked) body once it passes 1 MiB', async () => {
    const reply = await host.send({
      method: 'POST',
      path: '/api/rpc/rigs.create',
      headers: bearer,
      body: `{"notes":"${'x'.repeat(1024 * 1024 + 10)}"}`,
      chunked: true,
    });
    expectRefused(reply, 413);
  });

  it('refuses a backup over its 16 MiB limit', async () => {
    const reply = await host.send({
      method: 'POST',
      path: '/api/rpc/backup.import',
      headers: { ...bearer, 'Content-Length': String(17 * 1024 * 1024) },
      body: '{}'.padEnd(17 * 1024 * 1024, ' '),
    });
    expectRefused(reply, 413);
  });

  it.each<[string, string]>([
    ['JSON nested 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['a body that is not JSON', 'name=Rack&coin=BTC'],
    ['bytes that are not UTF-8', '\u00ff\u00fe{'],
    [
      'a prototype-polluting key',
      `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`,
    ],
  ])('answers %s with a 4xx, never a crash', async (_name, body) => {
    const before = await rigCount();
    const reply = await host.send({
      method: 'POST',
      path: '/api/rpc/rigs.create',
      headers: bearer,
      body,
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    expect(await rigCount()).toBe(before);
  });
});

describe('path traversal', () => {
  it.each([
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets/....//....//secret.txt',
    '/index.html/../../secret.txt',
    '//secret.txt',
    '/assets/app.js%00.html',
    '/%c0%ae%c0%ae/secret.txt',
  ])('serves nothing outside the dashboard for %s', async (path) => {
    for (const headers of [{}, cookie]) {
      const reply = await host.send({ path, headers });
      expect(reply.text).not.toContain(SECRET);
      expect(reply.text).not.toMatch(/root:.*:0:0/);
      expect(reply.status).not.toBe(500);
    }
  });

  it('still serves the dashboard files themselves', async () => {
    const asset = await host.send({ path: '/assets/app.js' });
    expect(asset.status).toBe(200);
    const page = await host.send({ path: '/', headers: cookie });
    expect(page.text).toBe(INDEX_HTML);
  });
});

describe('response headers', () => {
  const requests: [string, RawRequest][] = [
    ['the page', { path: '/', headers: cookie }],
    ['the page without a token', { path: '/' }],
    ['a static file', { path: '/assets/app.js' }],
    ['a missing file', { path: '/assets/missing.js' }],
    ['an API answer', { method: 'POST', path: '/api/rpc/rigs.list', headers: bearer, body: '{}' }],
    ['an API refusal', { method: 'POST', path: '/api/rpc/rigs.list', body: '{}' }],
    ['a foreign Host', { path: '/', headers: { Host: 'evil.example' } }],
  ];

  it.each(requests)('%s carries the security headers', async (_name, request) => {
    const reply = await host.send(request);
    expect(reply.headers['content-security-policy']).toMatch(
      /default-src 'self'; script-src 'self';/,
    );
    expect(reply.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers an unknown method named like a script as JSON, not as a page', async () => {
    const reply = await host.send({
      method: 'POST',
      path: '/api/rpc/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      headers: bearer,
      body: '{}',
    });
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
  });

  it('lets no header be injected through the path', async () => {
    const reply = await host.send({
      path: `/rigs%0d%0aSet-Cookie:%20injected=1?token=${TEST_TOKEN}`,
    });
    expect(reply.headers['set-cookie']?.some((line) => line.includes('injected'))).not.toBe(true);
    expect(reply.headers.location).toBe('/');
  });

  it('never redirects to another site after the token exchange', async () => {
    for (const target of ['//evil.example', '//evil', '/%5Cevil.example', '/\\evil']) {
      const reply = await host.send({ path: `${target}?token=${TEST_TOKEN}` });
      // A 404 (no redirect at all) or back to this site's own start page.
      expect(reply.headers.location ?? '/').toBe('/');
    }
  });
});
