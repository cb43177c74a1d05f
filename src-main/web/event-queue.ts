import type { RigLedgerEvent } from '#api/events';

// What one event-stream client has yet to receive. A client that reads slowly (a phone on
// a tunnel, a tab in the background) must never make the server hold an ever-growing
// backlog. Snapshot deltas only make sense in order, so a client with more than a few
// waiting has them all replaced by one "full Snapshot" place-holder, filled with the
// latest state only when it is written (the client starts over from that version). Alert
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

/**
 * Alert events a client may have waiting. An evaluation emits its alerts together, before
 * any is written: a crash on a large farm raises or clears one per position and loan
 * (1,200 on the 2,000-rig farm), and every rig that stops answering raises its own. The
 * bound must hold such a burst and still stop a client that never reads, so it counts
 * bytes as well (an alert event is under 1 kB).
 */
export const MAX_WAITING_ALERTS = 20_000;
export const MAX_WAITING_ALERT_BYTES = 8 * 1024 * 1024;
/** Deltas a client may have waiting before they give way to one full Snapshot. */
export const MAX_WAITING_DELTAS = 4;
/**
 * …or before their bytes together pass this, or the size of the last full Snapshot the
 * client was sent, whichever is larger. A full Snapshot in place of deltas that weigh less
 * would cost the page more: on a large farm it is 2.9 MB of JSON for the browser to read
 * and draw whole (300–450 ms of its main thread) where a price tick's delta is 350 kB.
 */
export const MAX_WAITING_DELTA_BYTES = 512 * 1024;

export interface ClientQueueOptions {
  /** The latest full Snapshot event, encoded; called when a place-holder is written. */
  baseline(): EncodedEvent;
  maxAlerts?: number;
  maxAlertBytes?: number;
  maxDeltas?: number;
  maxDeltaBytes?: number;
}

export interface ClientQueue {
  /** Queues an event; false when the client is too far behind and must reconnect. */
  push(event: EncodedEvent): boolean;
  /** Queues the latest full Snapshot, filled in when it is written. */
  pushBaseline(): void;
  /** The next event to write, oldest first. */
  shift(): EncodedEvent | undefined;
  /** How many events wait (alerts, deltas and at most one full Snapshot). */
  readonly size: number;
  /** Characters of event data held for this client. */
  readonly bytes: number;
}

const FULL = 'full';
type Waiting = EncodedEvent | typeof FULL;

export function createClientQueue(options: ClientQueueOptions): ClientQueue {
  const maxAlerts = options.maxAlerts ?? MAX_WAITING_ALERTS;
  const maxAlertBytes = options.maxAlertBytes ?? MAX_WAITING_ALERT_BYTES;
  const maxDeltas = options.maxDeltas ?? MAX_WAITING_DELTAS;
  const maxDeltaBytes = options.maxDeltaBytes ?? MAX_WAITING_DELTA_BYTES;
  let waiting: Waiting[] = [];
  let alerts = 0;
  let alertBytes = 0;
  let deltas = 0;
  let deltaBytes = 0;
  let bytes = 0;
  // The last full Snapshot written to this client: waiting deltas outweighing it give way.
  let fullBytes = 0;

  const isSnapshotLike = (w: Waiting): boolean =>
    w === FULL || w.name === 'snapshot' || w.name === 'snapshot-delta';

  function pushBaseline(): void {
    // Everything snapshot-like waiting is older than the state the place-holder will carry.
    waiting = waiting.filter((w) => !isSnapshotLike(w));
    deltas = 0;
    deltaBytes = 0;
    bytes = waiting.reduce((sum, w) => sum + (w === FULL ? 0 : w.data.length), 0);
    waiting.push(FULL);
  }

  return {
    push(event) {
      if (event.name === 'snapshot') {
        pushBaseline();
        return true;
      }
      if (event.name === 'snapshot-delta') {
        if (waiting.includes(FULL)) return true; // the full Snapshot to come includes it
        const byteBound = Math.max(maxDeltaBytes, fullBytes);
        if (deltas >= maxDeltas || (deltas > 0 && deltaBytes + event.data.length > byteBound)) {
          pushBaseline();
          return true;
        }
        deltas += 1;
        deltaBytes += event.data.length;
      } else {
        if (alerts >= maxAlerts || alertBytes + event.data.length > maxAlertBytes) return false;
        alerts += 1;
        alertBytes += event.data.length;
      }
      bytes += event.data.length;
      waiting.push(event);
      return true;
    },
    pushBaseline,
    shift() {
      const next = waiting.shift();
      if (next === undefined) return undefined;
      if (next === FULL) {
        const baseline = options.baseline();
        fullBytes = baseline.data.length;
        return baseline;
      }
      bytes -= next.data.length;
      if (next.name === 'snapshot-delta') {
        deltas -= 1;
        deltaBytes -= next.data.length;
      } else if (next.name === 'alert') {
        alerts -= 1;
        alertBytes -= next.data.length;
      }
      return next;
    },
    get size() {
      return waiting.length;
    },
    get bytes() {
      return bytes;
    },
  };
}
