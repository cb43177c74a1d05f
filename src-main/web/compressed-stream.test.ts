import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createBrotliDecompress,
  createGunzip,
  type BrotliDecompress,
  type Gunzip,
} from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventSchema, type RigLedgerEvent } from '#api/events';
import { openFarmService } from '#service/farm-service';
import type { FarmService } from '#service/types';
import { createWebApp } from './app';
import { streamEncodingFor, type StreamEncoding } from './compressed-stream';
import { countingSubscribers } from './test-host';

// The event stream as a browser that accepts Brotli or gzip receives it: compressed, and
// still delivered message by message (a price tick must not wait for the next one).

const TOKEN = 'test-token-0123456789abcdef';

describe('the encoding a client gets', () => {
  it('prefers Brotli, then gzip, and honours q=0', () => {
    expect(streamEncodingFor('gzip, deflate, br, zstd')).toBe('br');
    expect(streamEncodingFor('gzip, deflate')).toBe('gzip');
    expect(streamEncodingFor('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(streamEncodingFor('BR')).toBe('br');
    expect(streamEncodingFor('identity')).toBeNull();
    expect(streamEncodingFor('')).toBeNull();
    expect(streamEncodingFor(undefined)).toBeNull();
  });
});

describe('a compressed event stream', () => {
  let root: string;
  let service: FarmService;
  let counting: ReturnType<typeof countingSubscribers>;
  let app: ReturnType<typeof createWebApp>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rigledger-compressed-'));
    service = await openFarmService({ dataDir: join(root, 'data'), offline: true, log: () => {} });
    counting = countingSubscribers(service);
    app = createWebApp({
      service: counting.service,
      token: TOKEN,
      allowedHosts: ['127.0.0.1:80'],
      rendererDir: join(root, 'renderer'),
      heartbeatMs: 50,
    });
  });

  afterAll(async () => {
    await service.close();
    await rm(root, { recursive: true, force: true });
  });

  /** Opens the stream; `next()` resolves with each whole message as the client decodes it. */
  async function openStream(acceptEncoding: string) {
    const response = await app.request('http://127.0.0.1/api/events', {
      headers: {
        Host: '127.0.0.1:80',
        Authorization: `Bearer ${TOKEN}`,
        'Accept-Encoding': acceptEncoding,
      },
    });
    if (response.body === null) throw new Error('the event stream has no body');
    const encoding = response.headers.get('content-encoding') as StreamEncoding | null;
    const decoder: BrotliDecompress | Gunzip | null =
      encoding === 'br' ? createBrotliDecompress() : encoding === 'gzip' ? createGunzip() : null;
    const reader = response.body.getReader();
    let text = '';
    let wireBytes = 0;
    decoder?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const readMore = async () => {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      wireBytes += value.byteLength;
      if (decoder === null) text += new TextDecoder().decode(value);
      else await new Promise<void>((resolve) => decoder.write(value, () => resolve()));
      // The decoder emits what it could decode from the bytes so far.
      await new Promise((resolve) => setImmediate(resolve));
    };
    return {
      response,
      encoding,
      wire: () => wireBytes,
      /** The next message (event or heartbeat comment), read from as few chunks as it takes. */
      async next(): Promise<{ event: RigLedgerEvent | null; comment: string | null }> {
        while (!text.includes('\n\n')) await readMore();
        const end = text.indexOf('\n\n');
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        if (block.startsWith(':')) return { event: null, comment: block };
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice('data: '.length))
          .join('\n');
        return { event: eventSchema.parse(JSON.parse(data)), comment: null };
      },
      cancel: () => reader.cancel(),
    };
  }

  async function nextEvent(stream: Awaited<ReturnType<typeof openStream>>) {
    for (;;) {
      const { event } = await stream.next();
      if (event) return event;
    }
  }

  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
  ] as const)(
    'with Accept-Encoding "%s" it is %s, and each change arrives whole',
    async (accept, expected) => {
      const stream = await openStream(accept);
      expect(stream.encoding).toBe(expected);
      expect(stream.response.headers.get('vary')).toMatch(/Accept-Encoding/);
      const first = await nextEvent(stream);
      expect(first).toMatchObject({ type: 'snapshot', snapshot: { offline: true } });
      const version = first.type === 'snapshot' ? first.version : -1;

      await service.call('rigs.create', {
        name: `Compressed ${expected}`,
        coin: 'BTC',
        hashrate: '200',
        hashrateUnit: 'TH/s',
        powerWatts: '3500',
        quantity: 1,
        poolFeePct: '2',
        status: 'active',
      });
      // The delta is readable without any later message pushing it out of the compressor.
      let delta = await nextEvent(stream);
      while (delta.type !== 'snapshot-delta') delta = await nextEvent(stream);
      expect(delta.version).toBe(version + 1);
      expect(delta.rigs.upserts.map((r) => r.name)).toContain(`Compressed ${expected}`);

      // Heartbeats come through the compressor too (they keep proxies from closing the stream).
      for (;;) {
        const { comment } = await stream.next();
        if (comment !== null) {
          expect(comment).toBe(': heartbeat');
          break;
        }
      }
      await stream.cancel();
      await vi.waitFor(() => expect(counting.subscribed()).toBe(0));
    },
  );

  it('is sent uncompressed to a client that accepts no compression', async () => {
    const stream = await openStream('identity');
    expect(stream.encoding).toBeNull();
    expect(await nextEvent(stream)).toMatchObject({ type: 'snapshot' });
    await stream.cancel();
    await vi.waitFor(() => expect(counting.subscribed()).toBe(0));
  });

  it('costs a fraction of the JSON on the wire', async () => {
    // A rack of alike machines: their records repeat keys and most values, as a farm's do.
    for (let i = 0; i < 40; i += 1) {
      await service.call('rigs.create', {
        name: `Rack C #${i}`,
        coin: 'BTC',
        hashrate: String(180 + i),
        hashrateUnit: 'TH/s',
        powerWatts: '3500',
        quantity: 1,
        poolFeePct: '2',
        status: 'active',
      });
    }
    await service.settled();
    const plain = await openStream('identity');
    const first = await nextEvent(plain);
    const plainBytes = plain.wire();
    await plain.cancel();
    const packed = await openStream('br');
    const again = await nextEvent(packed);
    expect(again.type).toBe(first.type);
    expect(plainBytes).toBeGreaterThan(20_000);
    expect(packed.wire()).toBeLessThan(plainBytes / 5);
    await packed.cancel();
  });
});
