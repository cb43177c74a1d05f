import { resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { openFarmService } from '#service/farm-service';
import type { FarmService } from '#service/types';
import { createWebApp } from './app';
import { explainDataDirFailure } from './data-dir-failure';
import { allowedHostsFor } from './host-guard';
import {
  hostWarning,
  loadOrCreateToken,
  parseServeOptions,
  SERVE_USAGE,
  ServeOptionsError,
  type ServeOptions,
} from './options';
import { describeError } from '#shared/describe-error';

// `npm run serve`: the dashboard for a browser. Prints exactly one line on stdout once it
// accepts requests; everything else (warnings, failures) goes to stderr.

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

function fail(message: string, exitCode: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

function messageOf(error: unknown): string {
  return describeError(error);
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function listen(options: ServeOptions, service: FarmService, token: string) {
  let app: Hono | null = null;
  const server = createAdaptorServer({
    fetch: (request, env) =>
      app === null
        ? new Response('RigLedger is starting.', { status: 503 })
        : app.fetch(request, env),
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      done();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('the server reported no TCP address');
  }
  const port = address.port;
  app = createWebApp({
    service,
    token,
    allowedHosts: allowedHostsFor(options.host, port),
    rendererDir: RENDERER_DIR,
  });
  return { server, port };
}

async function main(): Promise<void> {
  let options: ServeOptions;
  try {
    const command = parseServeOptions(process.argv.slice(2));
    if (command.kind === 'help') {
      process.stdout.write(SERVE_USAGE);
      return;
    }
    options = command.options;
  } catch (error) {
    if (error instanceof ServeOptionsError) fail(error.message, EXIT_USAGE);
    throw error;
  }

  const warning = hostWarning(options.host);
  if (warning !== null) process.stderr.write(`${warning}\n`);

  let token: string;
  try {
    token = options.token ?? (await loadOrCreateToken(options.dataDir));
  } catch (error) {
    fail(
      explainDataDirFailure({ dataDir: options.dataDir, task: 'keep its access token', error }),
      EXIT_FAILURE,
    );
  }

  let service: FarmService;
  try {
    service = await openFarmService({
      dataDir: options.dataDir,
      offline: options.offline,
      demo: options.demo,
    });
  } catch (error) {
    // The store's own errors (a data folder locked by another process, a file from a newer
    // version) already speak to the operator; a system error on the folder is explained.
    fail(
      explainDataDirFailure({ dataDir: options.dataDir, task: 'open the farm', error }),
      EXIT_FAILURE,
    );
  }

  let listening;
  try {
    listening = await listen(options, service, token);
  } catch (error) {
    await service.close();
    const reason =
      error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
        ? `port ${options.port} on ${options.host} is already in use; pass --port 0 to pick a free one`
        : messageOf(error);
    fail(`RigLedger cannot listen on ${options.host}:${options.port}: ${reason}.`, EXIT_FAILURE);
  }
  const { server, port } = listening;

  let stopping = false;
  const stop = (): void => {
    // Ctrl+C reaches both `npm run serve` and this process; the second signal is not news.
    if (stopping) return;
    stopping = true;
    server.close();
    if ('closeAllConnections' in server) server.closeAllConnections();
    service.close().then(
      () => process.exit(0),
      (error: unknown) =>
        fail(
          `RigLedger could not save everything while stopping: ${messageOf(error)}`,
          EXIT_FAILURE,
        ),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);

  const url = `http://${urlHost(options.host)}:${port}/?token=${encodeURIComponent(token)}`;
  process.stdout.write(`RigLedger listening on ${url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `RigLedger stopped on an unexpected error: ${describeError(error, { withStack: true })}\n`,
  );
  process.exit(EXIT_FAILURE);
});
