import type { Snapshot } from '#api/snapshot';
import { summaryOf } from '#api/snapshot-delta';

// JSON text of the live Snapshot's rows, written once per row object. The live Snapshot
// keeps a row's object while its figures stay the same (core/snapshot-figures.ts), so the
// event deltas and `snapshot.get` over HTTP reuse the text instead of writing 2 MB again.

const textOf = new WeakMap<object, string>();

/** JSON.stringify(record), remembered with the object (rows are never edited in place). */
export function jsonOf(record: object): string {
  let text = textOf.get(record);
  if (text === undefined) {
    text = JSON.stringify(record);
    textOf.set(record, text);
  }
  return text;
}

const bytesOf = new WeakMap<object, Buffer>();

/** jsonOf(record) as UTF-8 bytes, remembered with the object. */
function jsonBytesOf(record: object): Buffer {
  let bytes = bytesOf.get(record);
  if (bytes === undefined) {
    bytes = Buffer.from(jsonOf(record));
    bytesOf.set(record, bytes);
  }
  return bytes;
}

const LISTS = ['rigs', 'loans', 'positions', 'alerts'] as const;

/**
 * The Snapshot as JSON text, assembled from its summary and its rows' remembered text:
 * it parses to exactly what JSON.stringify(snapshot) would (record-json.test.ts).
 */
export function snapshotJson(snapshot: Snapshot): string {
  const summary = JSON.stringify(summaryOf(snapshot));
  const lists = LISTS.map(
    (name) => `${JSON.stringify(name)}:[${snapshot[name].map((row) => jsonOf(row)).join(',')}]`,
  );
  return summary === '{}' ? `{${lists.join(',')}}` : `${summary.slice(0, -1)},${lists.join(',')}}`;
}

const COMMA = Buffer.from(',');

/**
 * snapshotJson(snapshot) as the UTF-8 bytes an HTTP reply carries, copied together from
 * each row's remembered bytes: on a large farm (2.9 MB) joining the text and then encoding
 * it took 60-90 ms a call; this is a few milliseconds of copying.
 */
export function snapshotBytes(snapshot: Snapshot): Buffer<ArrayBuffer> {
  const summary = JSON.stringify(summaryOf(snapshot));
  const parts: Buffer[] = [Buffer.from(summary === '{}' ? '{' : `${summary.slice(0, -1)},`)];
  LISTS.forEach((name, i) => {
    parts.push(Buffer.from(`${i === 0 ? '' : ','}${JSON.stringify(name)}:[`));
    snapshot[name].forEach((row, j) => {
      if (j > 0) parts.push(COMMA);
      parts.push(jsonBytesOf(row));
    });
    parts.push(Buffer.from(']'));
  });
  parts.push(Buffer.from('}'));
  return Buffer.concat(parts);
}
