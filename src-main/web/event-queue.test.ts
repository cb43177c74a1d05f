import { describe, expect, it } from 'vitest';
import type { RigLedgerEvent } from '#api/events';
import {
  createClientQueue,
  encodeEvent,
  MAX_WAITING_ALERT_BYTES,
  MAX_WAITING_ALERTS,
  type EncodedEvent,
} from './event-queue';

const full = (n: number): EncodedEvent => ({ name: 'snapshot', data: `{"full":${n}}` });
const delta = (n: number, size = 10): EncodedEvent => ({
  name: 'snapshot-delta',
  data: `{"v":${n}}`.padEnd(size, ' '),
});
const alert = (n: number): EncodedEvent => ({ name: 'alert', data: `{"a":${n}}` });

function drain(queue: ReturnType<typeof createClientQueue>): EncodedEvent[] {
  const out: EncodedEvent[] = [];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) out.push(next);
  return out;
}

describe('a client that does not read', () => {
  it('keeps a few deltas in order', () => {
    const queue = createClientQueue({ baseline: () => full(0), maxDeltas: 4 });
    [1, 2, 3].forEach((n) => queue.push(delta(n)));
    expect(drain(queue)).toEqual([delta(1), delta(2), delta(3)]);
  });

  it('trades waiting deltas for one full Snapshot of the latest state, however many arrive', () => {
    let latest = 0;
    const queue = createClientQueue({ baseline: () => full(latest), maxDeltas: 4 });
    for (let n = 1; n <= 10_000; n += 1) {
      latest = n;
      queue.push(delta(n));
      expect(queue.size).toBeLessThanOrEqual(4);
    }
    expect(drain(queue)).toEqual([full(10_000)]);
  });

  it('holds a bounded number of bytes for a client that never reads', () => {
    const queue = createClientQueue({ baseline: () => full(0), maxDeltaBytes: 1_000 });
    let most = 0;
    for (let n = 1; n <= 1_000; n += 1) {
      queue.push(delta(n, 300));
      most = Math.max(most, queue.bytes);
    }
    expect(most).toBeLessThanOrEqual(1_000);
    // A single delta larger than the bound still goes as it is: a full Snapshot is larger.
    const big = createClientQueue({ baseline: () => full(0), maxDeltaBytes: 100 });
    big.push(delta(1, 500));
    expect(drain(big)).toEqual([delta(1, 500)]);
  });

  it('keeps deltas that together weigh less than the full Snapshot the client was last sent', () => {
    // A large farm: the full Snapshot is far larger than the byte bound, and two ticks'
    // deltas that wait together are still cheaper for the page than the whole of it.
    const large: EncodedEvent = { name: 'snapshot', data: 'x'.repeat(3_000) };
    const queue = createClientQueue({ baseline: () => large, maxDeltaBytes: 1_000 });
    queue.pushBaseline();
    expect(queue.shift()).toBe(large);
    [1, 2, 3].forEach((n) => queue.push(delta(n, 900)));
    expect(queue.size).toBe(3);
    expect(drain(queue)).toEqual([delta(1, 900), delta(2, 900), delta(3, 900)]);
    // Past the full Snapshot's weight, they give way to it.
    [4, 5, 6, 7].forEach((n) => queue.push(delta(n, 900)));
    expect(queue.bytes).toBeLessThanOrEqual(3_000);
    expect(drain(queue)).toEqual([large]);
  });

  it('starts with the full Snapshot current when it is written, then the deltas after it', () => {
    let latest = 5;
    const queue = createClientQueue({ baseline: () => full(latest) });
    queue.pushBaseline();
    latest = 6;
    queue.push(delta(6)); // already inside the full Snapshot to come
    expect(queue.shift()).toEqual(full(6));
    queue.push(delta(7));
    expect(drain(queue)).toEqual([delta(7)]);
  });

  it('keeps alerts in order, with the full Snapshot after them', () => {
    const queue = createClientQueue({ baseline: () => full(2), maxDeltas: 1 });
    queue.push(delta(1));
    queue.push(alert(1));
    queue.push(delta(2));
    queue.push(alert(2));
    expect(drain(queue)).toEqual([alert(1), full(2), alert(2)]);
  });

  it('is told to reconnect once more alerts wait than the bound allows', () => {
    const queue = createClientQueue({ baseline: () => full(0), maxAlerts: 3 });
    expect([1, 2, 3].map((n) => queue.push(alert(n)))).toEqual([true, true, true]);
    expect(queue.push(alert(4))).toBe(false);
    expect(queue.size).toBe(3);
    queue.shift();
    expect(queue.push(alert(5))).toBe(true);
  });

  it('takes a crash’s burst of alerts whole, and still bounds a client that never reads', () => {
    // One evaluation on a large farm: every position and loan raises its alert at once,
    // before the writer has sent any.
    const raised = (n: number): EncodedEvent =>
      encodeEvent({
        type: 'alert',
        change: 'raised',
        notify: true,
        alert: {
          id: `alert-${n}`,
          rule: 'position.liquidation',
          severity: 'critical',
          level: 2,
          subjectKind: 'position',
          subjectId: `position-${n}`,
          message: `BTCUSDT long #${n} is 2.9 % from its liquidation price of $76,700 (mark $79,040.25).`,
          value: '2.9',
          threshold: '3',
          raisedAt: '2026-12-01T00:00:00.000Z',
        },
      });
    const queue = createClientQueue({ baseline: () => full(0) });
    for (let n = 0; n < 3_200; n += 1) expect(queue.push(raised(n))).toBe(true);
    expect(queue.size).toBe(3_200);
    // A client that reads nothing is asked to reconnect before its alerts pass the bounds.
    let n = 3_200;
    while (queue.push(raised(n)) && n < 100_000) n += 1;
    expect(n).toBeLessThan(100_000);
    expect(queue.size).toBeLessThanOrEqual(MAX_WAITING_ALERTS);
    expect(queue.bytes).toBeLessThanOrEqual(MAX_WAITING_ALERT_BYTES);
    // Longer alerts meet the byte bound first.
    const bounded = createClientQueue({ baseline: () => full(0), maxAlertBytes: 10_000 });
    let taken = 0;
    while (bounded.push(raised(taken))) taken += 1;
    expect(bounded.bytes).toBeLessThanOrEqual(10_000);
    expect(bounded.bytes + raised(taken).data.length).toBeGreaterThan(10_000);
  });
});

describe('encodeEvent', () => {
  it('stringifies an event once for every client', () => {
    const event: RigLedgerEvent = {
      type: 'alert',
      change: 'raised',
      notify: true,
      alert: {
        id: 'a1',
        rule: 'rig.offline',
        severity: 'warning',
        level: 1,
        subjectKind: 'rig',
        subjectId: 'rig-1',
        message: 'Rack A has been offline for 12 min.',
        value: null,
        threshold: null,
        raisedAt: '2026-12-01T00:00:00.000Z',
      },
    };
    const first = encodeEvent(event);
    expect(encodeEvent(event)).toBe(first);
    expect(JSON.parse(first.data)).toEqual(event);
  });
});
