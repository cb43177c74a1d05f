import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import { openFarmService } from '#service/farm-service';
import type { FarmService } from '#service/types';
import { createWebApp } from './app';
import { allowedHostsFor } from './host-guard';

// Test support: the web host on a free 127.0.0.1 port over a real FarmService in a temp
// folder, with a built-renderer stand-in and a secret file beside it, and a raw HTTP
// client that sends paths, headers and bodies exactly as given (no normalisation).

export const TEST_TOKEN = 'a3f1c9e07b5d4a2c8e6f0b1d3c5a7e9f1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f0a';
export const SECRET = 'seed phrase: this file sits beside the dashboard and is never served';
export const INDEX_HTML = '<!doctype html><title>RigLedger</title><div id="root"></div>';

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Leave the Host header out entirely. */
  noHost?: boolean;
  /** Send the body in chunks without a Content-Length. */
  chunked?: boolean;
}

export interface TestHost {
  port: number;
  root: string;
  logged: string[];
  send(request: RawRequest): Promise<RawReply>;
  close(): Promise<void>;
}

export async function startTestHost(): Promise<TestHost> {
  const root = await mkdtemp(join(tmpdir(), 'rigledger-web-host-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("dashboard");');
  await writeFile(join(root, 'secret.txt'), SECRET);
  const logged: string[] = [];
  const service: FarmService = await openFarmService({
    dataDir: join(root, 'data'),
    offline: true,
    log: (line) => logged.push(line),
  });

  let app: ReturnType<typeof createWebApp> | null = null;
  const server: ServerType = createAdaptorServer({
    fetch: (req, env) =>
      app === null ? new Response('starting', { status: 503 }) : app.fetch(req, env),
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(address !== null && typeof address === 'object' ? address.port : 0);
    });
  });
  app = createWebApp({
    service,
    token: TEST_TOKEN,
    allowedHosts: allowedHostsFor('127.0.0.1', port),
    rendererDir,
    log: (line) => logged.push(line),
  });

  function send(request: RawRequest): Promise<RawReply> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | string[]> = request.noHost
        ? { ...request.headers }
        : { Host: `127.0.0.1:${port}`, ...request.headers };
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: request.path,
          method: request.method ?? 'GET',
          headers,
          setHost: false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              text: Buffer.concat(chunks).toString(),
            }),
          );
          response.on('error', reject);
        },
      );
      req.on('error', reject);
      if (request.chunked && request.body !== undefined) {
        const body = Buffer.from(request.body);
        for (let start = 0; start < body.length; start += 64 * 1024) {
          req.write(body.subarray(start, start + 64 * 1024));
        }
        req.end();
      } else {
        req.end(request.body);
      }
    });
  }

  return {
    port,
    root,
    logged,
    send,
    async close() {
      server.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await service.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** `service` as the web host sees it, counting the event listeners it holds right now. */
export function countingSubscribers(service: FarmService): {
  service: FarmService;
  subscribed: () => number;
} {
  let subscribed = 0;
  return {
    subscribed: () => subscribed,
    service: {
      dataDir: service.dataDir,
      call: (method, params) => service.call(method, params),
      onEvent(listener) {
        subscribed += 1;
        const unsubscribe = service.onEvent(listener);
        return () => {
          subscribed -= 1;
          unsubscribe();
        };
      },
      eventBaseline: () => service.eventBaseline(),
      flushEvents: () => service.flushEvents(),
      settled: () => service.settled(),
      close: () => service.close(),
    },
  };
}
