import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFarmService } from '#service/farm-service';
import type { FarmService } from '#service/types';
import { createWebApp } from './app';
import { allowedHostsFor } from './host-guard';

// The built dashboard as the web host serves it: hashed assets compressed and cached for a
// year, the page itself never cached (it names the current assets).

const TOKEN = 'static-token-0123456789abcdef';
const SCRIPT = `console.log(${JSON.stringify('dashboard '.repeat(200))});`;
const HOST = '127.0.0.1:4820';

let root: string;
let service: FarmService;
let app: ReturnType<typeof createWebApp>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rigledger-static-'));
  const assets = join(root, 'renderer', 'assets');
  await mkdir(assets, { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(assets, 'index-DAfRqNv2.js'), SCRIPT);
  await writeFile(join(assets, 'index-DAfRqNv2.js.br'), brotliCompressSync(SCRIPT));
  service = await openFarmService({ dataDir: join(root, 'data'), offline: true, log: () => {} });
  app = createWebApp({
    service,
    token: TOKEN,
    allowedHosts: allowedHostsFor('127.0.0.1', 4820),
    rendererDir: join(root, 'renderer'),
    log: () => {},
  });
});

afterAll(async () => {
  await service.close();
  await rm(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(`http://${HOST}${path}`, { headers: { Host: HOST, ...headers } });

describe('built assets', () => {
  it('are served Brotli-compressed to a browser that accepts it, and cached for a year', async () => {
    const reply = await get('/assets/index-DAfRqNv2.js', { 'Accept-Encoding': 'gzip, br' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-encoding')).toBe('br');
    expect(reply.headers.get('content-type')).toMatch(/javascript/);
    expect(reply.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await reply.arrayBuffer());
    expect(body.length).toBeLessThan(Buffer.byteLength(SCRIPT));
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('are served plain to a client that asks for no compression', async () => {
    const reply = await get('/assets/index-DAfRqNv2.js');
    expect(reply.headers.get('content-encoding')).toBeNull();
    expect(await reply.text()).toBe(SCRIPT);
  });

  it('leave the page itself uncached, so a new build is picked up at once', async () => {
    const reply = await get('/', {
      Cookie: `rigledger_token=${TOKEN}`,
      Authorization: `Bearer ${TOKEN}`,
    });
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });
});
