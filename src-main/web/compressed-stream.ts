import {
  constants,
  createBrotliCompress,
  createGzip,
  type BrotliCompress,
  type Gzip,
} from 'node:zlib';

// The event stream compressed on the way out (docs/architecture.md "Pushed events"). A price
// tick on a large farm changes every position's figures: hundreds of kilobytes of JSON
// whose keys and digits repeat from one delta to the next. Each client's stream is one
// Brotli (or gzip) stream, flushed after every message so the browser reads each event
// as soon as it is written; the window carries over between messages, so a delta that
// resembles the previous one costs a fraction of its text. The compression runs on libuv's
// thread pool, not on the event loop.

export type StreamEncoding = 'br' | 'gzip';

/** Brotli quality 5: most of the gain of higher levels at a fraction of their CPU. */
const BROTLI_QUALITY = 5;
/** A 1 MiB window: a whole delta of the previous tick stays in reach. */
const BROTLI_WINDOW_BITS = 20;
const GZIP_LEVEL = 5;

/** The best encoding the client accepts, from its Accept-Encoding header; null for none. */
export function streamEncodingFor(acceptEncoding: string | undefined): StreamEncoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

function compressor(encoding: StreamEncoding): BrotliCompress | Gzip {
  return encoding === 'br'
    ? createBrotliCompress({
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      })
    : createGzip({ level: GZIP_LEVEL });
}

/**
 * `body` compressed with `encoding`, each chunk flushed through as soon as it is read, so
 * the reader receives every message whole and at once. Cancelling the result (the client
 * went away) releases the compressor and cancels `body`.
 */
export function compressedStream(
  body: ReadableStream<Uint8Array>,
  encoding: StreamEncoding,
): ReadableStream<Uint8Array> {
  const z = compressor(encoding);
  const flushKind =
    encoding === 'br' ? constants.BROTLI_OPERATION_FLUSH : (constants.Z_SYNC_FLUSH as number);
  const reader = body.getReader();
  const out: Buffer[] = [];
  let failure: Error | null = null;
  z.on('data', (chunk: Buffer) => out.push(chunk));
  z.on('error', (error: Error) => (failure = error));

  const take = (): Uint8Array | null => {
    if (out.length === 0) return null;
    const bytes = out.length === 1 ? out[0]! : Buffer.concat(out);
    out.length = 0;
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
  const compress = (chunk: Uint8Array) =>
    new Promise<void>((resolve) => {
      z.write(chunk);
      z.flush(flushKind, () => resolve());
    });
  const finish = () =>
    new Promise<void>((resolve) => {
      z.once('end', resolve);
      z.once('error', () => resolve());
      z.end();
    });

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          await finish();
          const rest = take();
          if (rest) controller.enqueue(rest);
          controller.close();
          return;
        }
        await compress(value);
        if (failure) {
          controller.error(failure);
          await reader.cancel(failure).catch(() => {});
          return;
        }
        const bytes = take();
        if (bytes) {
          controller.enqueue(bytes);
          return;
        }
      }
    },
    async cancel(reason) {
      z.close();
      await reader.cancel(reason);
    },
  });
}
