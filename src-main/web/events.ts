import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { FarmService } from '#service/types';
import { compressedStream, streamEncodingFor } from './compressed-stream';
import { createClientQueue, encodeEvent, type EncodedEvent } from './event-queue';
import type { LogLine } from './rpc';
import { describeError } from '#shared/describe-error';

// GET /api/events: the service's events as Server-Sent Events. Each message is
// `event: snapshot|snapshot-delta|alert` with the whole RigLedgerEvent as JSON data
// (stringified once for all clients), so the browser client hands the parsed data to its
// listeners exactly as the Electron preload does. The stream starts with a full Snapshot.
// A client that accepts Brotli or gzip gets the stream compressed, flushed per message
// (compressed-stream.ts).

export const HEARTBEAT_INTERVAL_MS = 15_000;

export function streamEvents(
  c: Context,
  service: FarmService,
  log: LogLine,
  heartbeatMs: number = HEARTBEAT_INTERVAL_MS,
): Response {
  const response = streamSSE(
    c,
    async (stream) => {
      // One writer per client drains its bounded queue, so messages never interleave and
      // a slow reader costs at most a few deltas (or one full Snapshot) and a bounded list
      // of alerts.
      const queue = createClientQueue({ baseline: () => encodeEvent(service.eventBaseline()) });
      let writing = false;
      let heartbeatDue = false;
      const drain = async (): Promise<void> => {
        if (writing) return;
        writing = true;
        try {
          for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
            if (stream.aborted || stream.closed) return;
            await stream.writeSSE({ event: next.name, data: next.data });
          }
          if (heartbeatDue && !stream.aborted && !stream.closed) {
            heartbeatDue = false;
            await stream.write(': heartbeat\n\n');
          }
        } catch (error) {
          log(`RigLedger: could not write to an event stream: ${describeError(error)}`);
        } finally {
          writing = false;
        }
      };
      let unsubscribe = (): void => {};
      const enqueue = (event: EncodedEvent): void => {
        if (queue.push(event)) {
          void drain();
          return;
        }
        // Said once, and nothing more is queued for a stream that is closing.
        unsubscribe();
        log('RigLedger: an event-stream client fell too far behind; it was asked to reconnect.');
        void stream.close();
      };

      unsubscribe = service.onEvent((event) => enqueue(encodeEvent(event)));
      const heartbeat = setInterval(() => {
        heartbeatDue = true;
        void drain();
      }, heartbeatMs);
      const finished = new Promise<void>((resolve) => {
        stream.onAbort(() => {
          clearInterval(heartbeat);
          unsubscribe();
          resolve();
        });
      });

      // A page that just connected starts from the current state, not from the next change.
      queue.pushBaseline();
      void drain();
      await finished;
    },
    async (error) => {
      log(`RigLedger: an event stream failed: ${describeError(error)}`);
    },
  );
  const encoding = streamEncodingFor(c.req.header('accept-encoding'));
  if (encoding === null || response.body === null) return response;
  const headers = new Headers(response.headers);
  headers.set('Content-Encoding', encoding);
  headers.append('Vary', 'Accept-Encoding');
  headers.delete('Content-Length');
  return new Response(compressedStream(response.body, encoding), {
    status: response.status,
    headers,
  });
}
