import type { RigLedgerEvent } from '#api/events';

// What one event-stream client has yet to receive. A client that reads slowly (a phone on
// a tunnel, a tab in the background) must never make the server hold an ever-growing
// backlog: a Snapshot is the whole state, so only the latest one waiting is kept; alert
// events are kept in order up to a bound, and a client that falls further behind is told
// to reconnect (the browser's EventSource does so by itself and starts from the current
// state).

export interface EncodedEvent {
  name: RigLedgerEvent['type'];
  data: string;
}

const encodedEvents = new WeakMap<RigLedgerEvent, EncodedEvent>();

/** The event as it goes on the wire, stringified once however many clients receive it. */
export function encodeEvent(event: RigLedgerEvent): EncodedEvent {
  let encoded = encodedEvents.get(event);
  if (encoded === undefined) {
    encoded = { name: event.type, data: JSON.stringify(event) };
    encodedEvents.set(event, encoded);
  }
  return encoded;
}

export const MAX_WAITING_ALERTS = 500;

export interface ClientQueue {
  /** Queues an event; false when the client is too far behind and must reconnect. */
  push(event: EncodedEvent): boolean;
  /** The next event to write, oldest first; a newer Snapshot replaces a waiting one. */
  shift(): EncodedEvent | undefined;
  /** How many events wait (at most one Snapshot plus the alerts). */
  readonly size: number;
}

export function createClientQueue(maxAlerts = MAX_WAITING_ALERTS): ClientQueue {
  let waiting: EncodedEvent[] = [];
  let alerts = 0;
  return {
    push(event) {
      if (event.name === 'snapshot') {
        // The waiting Snapshot is out of date: drop it, the new one goes last.
        waiting = waiting.filter((e) => e.name !== 'snapshot');
      } else {
        if (alerts >= maxAlerts) return false;
        alerts += 1;
      }
      waiting.push(event);
      return true;
    },
    shift() {
      const next = waiting.shift();
      if (next !== undefined && next.name !== 'snapshot') alerts -= 1;
      return next;
    },
    get size() {
      return waiting.length;
    },
  };
}
