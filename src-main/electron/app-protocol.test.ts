import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '#shared/security-policy';
import { createAppRequestHandler, isAppDashboardUrl } from './app-protocol';

// The app:// handler against a real built-renderer folder in a temp dir, with a secret
// file beside it that no URL may reach.

const SECRET = 'wallet seed: never serve this';
const POLICY = contentSecurityPolicy({ dev: false });

let root: string;
let handle: (request: Request) => Promise<Response>;
const logged: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rigledger-app-protocol-'));
  const renderer = join(root, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>RigLedger</title>');
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log("dashboard");');
  await writeFile(join(renderer, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(renderer, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(renderer, 'assets', 'notes.ts'), 'export {}');
  await writeFile(join(root, 'secret.txt'), SECRET);
  await symlink(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
  handle = createAppRequestHandler({
    rendererDir: renderer,
    contentSecurityPolicy: POLICY,
    log: (line) => logged.push(line),
  });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// serves the built dashboard', () => {
  it('answers the index page as HTML with the CSP header, for / too', async () => {
    for (const url of ['app://rigledger/index.html', 'app://rigledger/']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('Content-Security-Policy')).toBe(POLICY);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>RigLedger</title>');
    }
  });

  it('gives scripts, styles and fonts their own content types', async () => {
    const types = await Promise.all(
      ['assets/index-abc.js', 'assets/index-abc.css', 'assets/font.woff2'].map(
        async (path) => (await get(`app://rigledger/${path}`)).headers.get('Content-Type') ?? '',
      ),
    );
    expect(types).toEqual([
      'text/javascript; charset=utf-8',
      'text/css; charset=utf-8',
      'font/woff2',
    ]);
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get('app://rigledger/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://rigledger/index.html', 'POST')).status).toBe(405);
  });

  it('serves nothing with an unknown type, another host or a missing file', async () => {
    expect((await get('app://rigledger/assets/notes.ts')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://rigledger/assets/missing.js')).status).toBe(404);
  });
});

describe('app:// never leaves the dashboard folder', () => {
  it.each([
    'app://rigledger/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://rigledger/..%2fsecret.txt',
    'app://rigledger/..%5csecret.txt',
    'app://rigledger/assets/..%5C..%5Csecret.txt',
    'app://rigledger/secret.txt%00.html',
  ])('refuses %s with 403', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each(['app://rigledger/../../secret.txt', 'app://rigledger/%2e%2e/secret.txt'])(
    'resolves the dots of %s inside the URL, which cannot climb above the root',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(SECRET);
    },
  );

  it('refuses a symbolic link that points outside the build, and logs it', async () => {
    const response = await get('app://rigledger/assets/link.txt');
    expect(response.status).toBe(403);
    expect(logged.some((line) => line.includes('link.txt'))).toBe(true);
  });

  it('no path made of dots, slashes and encodings reaches the secret', async () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E.',
      '%2f',
      '%5c',
      '\\',
      '%00',
      '',
      'assets',
      'secret.txt',
      'renderer',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), async (segments) => {
        const response = await get(`app://rigledger/${segments.join('/')}`);
        expect(await response.text()).not.toContain(SECRET);
      }),
      { numRuns: 300 },
    );
  });

  it('says the dashboard is not built when the folder is missing', async () => {
    const unbuilt = createAppRequestHandler({
      rendererDir: join(root, 'no-build'),
      contentSecurityPolicy: POLICY,
      log: () => undefined,
    });
    const response = await unbuilt(new Request('app://rigledger/index.html'));
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });
});

describe('which pages are the dashboard', () => {
  it('is the index page on app://rigledger, with any route in its fragment', () => {
    expect(isAppDashboardUrl('app://rigledger/index.html#/positions')).toBe(true);
    expect(isAppDashboardUrl('app://rigledger/')).toBe(true);
    for (const url of [
      'app://rigledger/assets/index-abc.js',
      'app://rigledger.evil/index.html',
      'app://user@rigledger/index.html',
      'https://rigledger/index.html',
      'file:///index.html',
      'not a url',
    ]) {
      expect(isAppDashboardUrl(url)).toBe(false);
    }
  });
});
