import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventSchema, type RigLedgerEvent } from '#api/events';
import type { RigInput } from '#api/records';
import { openFarmService } from '#service/farm-service';
import { checkingResults } from '#service/test-service';
import type { FarmService } from '#service/types';
import { createWebApp } from './app';
import { allowedHostsFor } from './host-guard';
import { countingSubscribers } from './test-host';

// The web host against a real FarmService in a temp data dir, over real HTTP on 127.0.0.1.

const TOKEN = 'test-token-0123456789abcdef';
const INDEX_HTML = '<!doctype html><title>RigLedger</title><div id="root"></div>';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

let root: string;
let service: FarmService;
let server: ServerType;
let port: number;
const logged: string[] = [];

function listenOnAnyPort(): Promise<void> {
  return new Promise((resolve) => {
    let app: ReturnType<typeof createWebApp> | null = null;
    server = createAdaptorServer({
      fetch: (req, env) =>
        app === null ? new Response('starting', { status: 503 }) : app.fetch(req, env),
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      port = address !== null && typeof address === 'object' ? address.port : 0;
      app = createWebApp({
        service,
        token: TOKEN,
        allowedHosts: allowedHostsFor('127.0.0.1', port),
        rendererDir: join(root, 'renderer'),
        log: (line) => logged.push(line),
      });
      resolve();
    });
  });
}

function open(path: string, options: SendOptions = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      resolve,
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function send(path: string, options: SendOptions = {}): Promise<Reply> {
  const response = await open(path, options);
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(Buffer.from(chunk));
  return {
    status: response.statusCode ?? 0,
    headers: response.headers,
    text: Buffer.concat(chunks).toString(),
  };
}

function rpc(
  method: string,
  params: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return send(`/api/rpc/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(params),
  });
}

function errorOf(reply: Reply): { code: string; message: string; details?: unknown } {
  return (JSON.parse(reply.text) as { error: { code: string; message: string; details?: unknown } })
    .error;
}

const antminer = {
  name: 'Rack A S19',
  coin: 'BTC',
  hashrate: '110',
  hashrateUnit: 'TH/s',
  powerWatts: '3250',
  quantity: 4,
  poolFeePct: '2',
  status: 'active',
} satisfies RigInput;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rigledger-web-'));
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), INDEX_HTML);
  await writeFile(join(root, 'renderer', 'assets', 'app.js'), 'console.log("dashboard");');
  service = checkingResults(
    await openFarmService({
      dataDir: join(root, 'data'),
      offline: true,
      log: (line) => logged.push(line),
    }),
  );
  await listenOnAnyPort();
});

afterAll(async () => {
  server.close();
  if ('closeAllConnections' in server) server.closeAllConnections();
  await service.close();
  await rm(root, { recursive: true, force: true });
});

describe('authentication', () => {
  it('refuses an API call without the token with 401 and a sentence', async () => {
    const reply = await send('/api/rpc/rigs.list', { method: 'POST', body: '{}' });
    expect(reply.status).toBe(401);
    expect(errorOf(reply)).toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/npm run serve/),
    });
  });

  it('refuses a wrong bearer token', async () => {
    const reply = await rpc('rigs.list', {}, { Authorization: 'Bearer not-the-token-at-all' });
    expect(reply.status).toBe(401);
  });

  it('answers a call with the bearer token', async () => {
    const reply = await rpc('rigs.list', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual([]);
  });

  it('trades /?token= for an HttpOnly SameSite=Strict cookie and drops the token from the URL', async () => {
    const exchange = await send(`/?token=${TOKEN}`);
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toBe('/');
    const setCookie = exchange.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const cookie = setCookie.split(';')[0] ?? '';

    const page = await send('/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.text).toBe(INDEX_HTML);

    const call = await send('/api/rpc/settings.get', {
      method: 'POST',
      body: '{}',
      headers: { Cookie: cookie },
    });
    expect(call.status).toBe(200);
    expect(JSON.parse(call.text)).toMatchObject({ notifications: { desktop: true } });
  });

  it('returns to the page that was opened, but never to another site', async () => {
    expect((await send(`/rigs?token=${TOKEN}`)).headers.location).toBe('/rigs');
    expect((await send(`//evil?token=${TOKEN}`)).headers.location).toBe('/');
    expect((await send(`/%5Cevil?token=${TOKEN}`)).headers.location).toBe('/');
  });

  it('shows a page naming npm run serve, not the dashboard, without the token', async () => {
    const page = await send('/');
    expect(page.status).toBe(401);
    expect(page.text).toMatch(/npm run serve/);
    expect(page.text).not.toContain('id="root"');
    const wrong = await send('/?token=wrong-token-wrong-token');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('serves static assets without the token, with the security headers', async () => {
    const asset = await send('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['content-security-policy']).toMatch(
      /default-src 'self'; script-src 'self';/,
    );
    expect(asset.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect(asset.headers['x-frame-options']).toBe('DENY');
    expect(asset.headers['referrer-policy']).toBe('no-referrer');
    expect((await send('/assets/missing.js')).status).toBe(404);
  });
});

describe('DNS rebinding', () => {
  it('refuses a request from a foreign Origin even with the token', async () => {
    const reply = await rpc('rigs.list', {}, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
  });

  it('accepts the dashboard own origin', async () => {
    const reply = await rpc('rigs.list', {}, { Origin: `http://127.0.0.1:${port}` });
    expect(reply.status).toBe(200);
  });

  it('refuses a Host header that is not this listener', async () => {
    const reply = await rpc('rigs.list', {}, { Host: `evil.example:${port}` });
    expect(reply.status).toBe(403);
    const page = await send(`/?token=${TOKEN}`, { headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('accepts localhost as a spelling of the loopback address', async () => {
    const reply = await rpc('rigs.list', {}, { Host: `localhost:${port}` });
    expect(reply.status).toBe(200);
  });
});

describe('calls', () => {
  it('rejects invalid params with 400, readable messages, and stores nothing', async () => {
    const reply = await rpc('rigs.create', { ...antminer, powerWatts: 'lots', quantity: 0 });
    expect(reply.status).toBe(400);
    const error = errorOf(reply);
    expect(error.code).toBe('invalid_params');
    expect(error.message).toMatch(/[A-Z].*\./);
    expect(error.message).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse((await rpc('rigs.list', {})).text)).toEqual([]);
  });

  it('rejects a body that is not JSON with 400 and a sentence', async () => {
    const reply = await send('/api/rpc/rigs.create', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: 'name=Rack A',
    });
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toMatchObject({
      code: 'invalid_params',
      message: expect.stringMatching(/must be JSON/),
    });
  });

  it('stores a valid record and returns it with its id', async () => {
    const reply = await rpc('rigs.create', antminer);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ name: 'Rack A S19', id: expect.any(String) });
  });

  it('answers an unknown method with 404', async () => {
    const reply = await rpc('rigs.explode', {});
    expect(reply.status).toBe(404);
    expect(errorOf(reply)).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/rigs\.explode/),
    });
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const reply = await rpc('rigs.create', { ...antminer, notes: 'x'.repeat(1024 * 1024 + 1) });
    expect(reply.status).toBe(413);
    expect(errorOf(reply)).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/1 MiB/),
    });
  });

  it('lets a backup document be larger than 1 MiB', async () => {
    const reply = await rpc('backup.import', {
      format: 'not-a-backup',
      padding: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(reply.status).toBe(400);
    expect(errorOf(reply).code).toBe('invalid_params');
  });

  it('reports an unexpected failure as 500 without its stack, and logs the cause', async () => {
    const failing: FarmService = {
      ...service,
      dataDir: service.dataDir,
      call: () => Promise.reject(new Error('disk controller timeout')),
    };
    const app = createWebApp({
      service: failing,
      token: TOKEN,
      allowedHosts: ['127.0.0.1:80'],
      rendererDir: join(root, 'renderer'),
      log: (line) => logged.push(line),
    });
    const response = await app.request('http://127.0.0.1/api/rpc/rigs.list', {
      method: 'POST',
      headers: { Host: '127.0.0.1:80', Authorization: `Bearer ${TOKEN}` },
      body: '{}',
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('disk controller timeout');
    expect(JSON.parse(text)).toMatchObject({
      error: { code: 'internal', message: expect.stringMatching(/log/) },
    });
    expect(logged.some((line) => line.includes('disk controller timeout'))).toBe(true);
  });
});

describe('events', () => {
  async function* readEvents(response: IncomingMessage): AsyncGenerator<RigLedgerEvent> {
    let buffer = '';
    for await (const chunk of response) {
      buffer += Buffer.from(chunk).toString();
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice('data: '.length))
          .join('\n');
        if (data !== '') yield eventSchema.parse(JSON.parse(data));
        end = buffer.indexOf('\n\n');
      }
    }
  }

  it('refuses the event stream without the token', async () => {
    expect((await send('/api/events')).status).toBe(401);
  });

  it('streams the current snapshot on connect, then the changed records after each change', async () => {
    const response = await open('/api/events', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/event-stream/);
    const events = readEvents(response);

    const first = await events.next();
    expect(first.value).toMatchObject({ type: 'snapshot', snapshot: { offline: true } });
    let version = first.value?.type === 'snapshot' ? first.value.version : -1;

    await rpc('rigs.create', {
      ...antminer,
      name: 'Rack B L7',
      coin: 'LTC',
      hashrate: '9.5',
      hashrateUnit: 'GH/s',
    });
    for await (const event of events) {
      if (event.type !== 'snapshot-delta') continue;
      expect(event.version).toBe(version + 1);
      version = event.version;
      if (event.rigs.upserts.some((rig) => rig.name === 'Rack B L7')) {
        expect(event.rigs.upserts).toHaveLength(1);
        break;
      }
    }
    response.destroy();
  });

  it('sends heartbeats and unsubscribes from the service when the browser goes away', async () => {
    const counting = countingSubscribers(service);
    const app = createWebApp({
      service: counting.service,
      token: TOKEN,
      allowedHosts: ['127.0.0.1:80'],
      rendererDir: join(root, 'renderer'),
      heartbeatMs: 10,
    });
    const response = await app.request('http://127.0.0.1/api/events', {
      headers: { Host: '127.0.0.1:80', Authorization: `Bearer ${TOKEN}` },
    });
    if (response.body === null) throw new Error('the event stream has no body');
    const reader = response.body.getReader();
    let text = '';
    while (!text.includes(': heartbeat')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(counting.subscribed()).toBe(1);

    await reader.cancel();
    await vi.waitFor(() => expect(counting.subscribed()).toBe(0));
  });
});
