import { describe, expect, it } from 'vitest';
import type { RigLedgerEvent } from '#api/events';
import { createClientQueue, encodeEvent, type EncodedEvent } from './event-queue';

const snapshot = (n: number): EncodedEvent => ({ name: 'snapshot', data: `{"n":${n}}` });
const alert = (n: number): EncodedEvent => ({ name: 'alert', data: `{"a":${n}}` });

describe('a client that does not read', () => {
  it('holds at most the latest Snapshot however many arrive', () => {
    const queue = createClientQueue();
    for (let n = 0; n < 10_000; n += 1) queue.push(snapshot(n));
    expect(queue.size).toBe(1);
    expect(queue.shift()).toEqual(snapshot(9_999));
    expect(queue.shift()).toBeUndefined();
  });

  it('keeps alerts in order, with the latest Snapshot after them', () => {
    const queue = createClientQueue();
    queue.push(snapshot(1));
    queue.push(alert(1));
    queue.push(snapshot(2));
    queue.push(alert(2));
    const drained: EncodedEvent[] = [];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) drained.push(next);
    expect(drained).toEqual([alert(1), snapshot(2), alert(2)]);
  });

  it('is told to reconnect once more alerts wait than the bound allows', () => {
    const queue = createClientQueue(3);
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
