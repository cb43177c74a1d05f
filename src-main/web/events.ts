import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { RigLedgerEvent } from '#api/events';
import type { FarmService } from '#service/types';
import type { LogLine } from './rpc';
import { describeError } from '#shared/describe-error';

// GET /api/events: the service's events as Server-Sent Events. Each message is
// `event: snapshot|alert` with the whole RigLedgerEvent as JSON data, so the browser
// client hands the parsed data to its listeners exactly as the Electron preload does.

export const HEARTBEAT_INTERVAL_MS = 15_000;

function writeEvent(stream: SSEStreamingApi, event: RigLedgerEvent): Promise<void> {
  return stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
}

export function streamEvents(
  c: Context,
  service: FarmService,
  log: LogLine,
  heartbeatMs: number = HEARTBEAT_INTERVAL_MS,
): Response {
  return streamSSE(
    c,
    async (stream) => {
      // Writes are chained so a slow client never sees interleaved messages.
      let pending: Promise<void> = Promise.resolve();
      const send = (write: () => Promise<unknown>): void => {
        pending = pending
          .then(async () => {
            if (!stream.aborted && !stream.closed) await write();
          })
          .catch((error: unknown) =>
            log(`RigLedger: could not write to an event stream: ${describeError(error)}`),
          );
      };

      const unsubscribe = service.onEvent((event) => send(() => writeEvent(stream, event)));
      const heartbeat = setInterval(() => send(() => stream.write(': heartbeat\n\n')), heartbeatMs);
      const finished = new Promise<void>((resolve) => {
        stream.onAbort(() => {
          clearInterval(heartbeat);
          unsubscribe();
          resolve();
        });
      });

      // A page that just connected starts from the current state, not from the next change.
      try {
        const snapshot = await service.call('snapshot.get', {});
        send(() =>
          stream.writeSSE({
            event: 'snapshot',
            data: JSON.stringify({ type: 'snapshot', snapshot }),
          }),
        );
      } catch (error) {
        log(
          `RigLedger: could not compute the first snapshot for an event stream: ${describeError(error)}`,
        );
      }
      await finished;
    },
    async (error) => {
      log(`RigLedger: an event stream failed: ${describeError(error)}`);
    },
  );
}
