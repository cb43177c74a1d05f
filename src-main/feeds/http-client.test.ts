import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type FeedContext,
  type FeedFailure,
  MAX_REPLY_BYTES,
  getJson,
  isFailure,
} from './http-client';

// The HTTP client against real local servers that misbehave the way price APIs do: a reply
// far too large, a reply dripped byte by byte, an HTML rate-limit page, broken JSON.

const AT = new Date('2025-06-01T12:00:00Z');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${address.port}/api/v1/prices`;
}

const ctx = (extra: Partial<FeedContext> = {}): FeedContext => ({
  fetch: globalThis.fetch,
  now: () => AT,
  ...extra,
});

function failureOf(reply: object): FeedFailure {
  if (!isFailure(reply)) throw new Error(`expected a failure, got ${JSON.stringify(reply)}`);
  return reply;
}

describe('a reply too large to be a price', () => {
  it('a 40 MB reply is abandoned at the limit, long before the server has sent it all', async () => {
    const total = 40_000_000;
    let produced = 0;
    let finished = false;
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // Produced lazily as the client reads: `produced` counts what it actually pulled.
      const body = new Readable({
        read() {
          if (produced >= total) {
            this.push(null);
            return;
          }
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          produced += chunk.length;
          this.push(chunk);
        },
      });
      res.on('finish', () => {
        finished = true;
      });
      body.pipe(res);
    });

    const failure = failureOf(await getJson('Fake source', url, ctx()));

    expect(failure.kind).toBe('too-large');
    expect(failure.message).toBe(
      'Fake source sent a reply larger than 2,000,000 bytes, far too large to be a price; it was abandoned unread.',
    );
    expect(finished).toBe(false);
    // What was read is the limit plus what the sockets buffered, not the 40 MB.
    expect(produced).toBeGreaterThan(MAX_REPLY_BYTES);
    expect(produced).toBeLessThan(total / 2);
  });

  it('a declared Content-Length over the limit is refused without reading the body', async () => {
    const url = await serve((_req, res) => {
      // Headers only; the body never comes, so reading it would wait for the deadline.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '40000000' });
      res.flushHeaders();
    });
    const failure = failureOf(await getJson('Fake source', url, ctx({ timeoutMs: 60_000 })));
    expect(failure.kind).toBe('too-large');
  });
});

describe('one deadline for the whole request', () => {
  it('a server that keeps dripping its reply is cut off when the deadline falls', async () => {
    let dripped = 0;
    let answering: (drip: () => void) => void = () => {};
    const answered = new Promise<() => void>((resolve) => {
      answering = resolve;
    });
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"USD":');
      // One byte each time the test asks, never the end of the reply.
      answering(() => {
        res.write(' ');
        dripped += 1;
      });
    });
    let fireDeadline: () => void = () => {};
    let deadlineMs = 0;
    let cancelled = false;
    let headersArrived: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      headersArrived = resolve;
    });

    const pending = getJson(
      'Fake source',
      url,
      ctx({
        fetch: async (input, init) => {
          const response = await globalThis.fetch(input, init);
          headersArrived();
          return response;
        },
        timeoutMs: 5000,
        deadlineTimer: (callback, delayMs) => {
          fireDeadline = callback;
          deadlineMs = delayMs;
          return () => {
            cancelled = true;
          };
        },
      }),
    );
    // Bytes keep arriving: a per-byte timer would be reset each time and never fire.
    const drip = await answered;
    await started;
    for (let i = 0; i < 5; i++) drip();
    fireDeadline();
    const failure = failureOf(await pending);

    expect(dripped).toBe(5);
    expect(deadlineMs).toBe(5000);
    expect(failure).toEqual({
      kind: 'timeout',
      message: 'Fake source did not finish its reply within 5 s.',
    });
    expect(cancelled).toBe(true);
  });

  it('with real timers too: an endless drip ends in a timeout, not a hang', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 10);
      res.on('close', () => clearInterval(timer));
    });
    const failure = failureOf(await getJson('Fake source', url, ctx({ timeoutMs: 200 })));
    expect(failure.kind).toBe('timeout');
  });

  it('a server that never answers is told apart from one that never finishes', async () => {
    let received: () => void = () => {};
    const asked = new Promise<void>((resolve) => {
      received = resolve;
    });
    // Never answers; the test's afterEach closes the connection.
    const url = await serve(() => received());
    let fireDeadline: () => void = () => {};
    const pending = getJson(
      'Fake source',
      url,
      ctx({
        deadlineTimer: (callback) => {
          fireDeadline = callback;
          return () => {};
        },
      }),
    );
    await asked;
    fireDeadline();
    expect(failureOf(await pending).message).toBe('Fake source did not answer within 5 s.');
  });
});

describe('replies that are not prices', () => {
  it('an HTML 429 page with Retry-After is a rate limit, with the wait it asked for', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(429, { 'content-type': 'text/html', 'retry-after': '120' });
      res.end('<html><body><h1>Too Many Requests</h1></body></html>');
    });
    expect(await getJson('Fake source', url, ctx())).toEqual({
      kind: 'rate-limited',
      message: 'Fake source is rate-limiting us (HTTP 429); it asks us to wait 120 s.',
      retryAfterSec: 120,
    });
  });

  it('broken JSON is a failure that quotes the start of the body', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"USD": 67');
    });
    expect(await getJson('Fake source', url, ctx())).toEqual({
      kind: 'not-json',
      message: 'Fake source sent something that is not JSON: "{"USD": 67".',
    });
  });

  it('a reply within the limit is read whole', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ USD: 67000.5, pad: 'x'.repeat(100_000) }));
    });
    const reply = await getJson('Fake source', url, ctx());
    expect(isFailure(reply) ? reply.message : reply.json).toMatchObject({ USD: 67000.5 });
  });
});
