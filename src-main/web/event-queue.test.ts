import { describe, expect, it } from 'vitest';
import type { RigLedgerEvent } from '#api/events';
import { createClientQueue, encodeEvent, type EncodedEvent } from './event-queue';

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
