import type { Database } from './schema';

// rigledger.json as text: one line per record, so a change rewrites the file from the text
// of the records it did not touch (remembered with the record object: the stored state
// is frozen, so a record's text can never go out of date) and only writes anew what it
// made. A person can still read and diff it: a record per line, a part per key.

const textOf = new WeakMap<object, string>();

export function recordText(record: object): string {
  let text = textOf.get(record);
  if (text === undefined) {
    text = JSON.stringify(record);
    // Only frozen records are remembered: anything else could still change.
    if (Object.isFrozen(record)) textOf.set(record, text);
  }
  return text;
}

const isRecord = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function partText(value: unknown): string {
  if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
    return `[\n    ${value.map(recordText).join(',\n    ')}\n  ]`;
  }
  return JSON.stringify(value);
}

export function databaseText(db: Database): string {
  const parts = Object.entries(db)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${partText(value)}`);
  return `{\n${parts.join(',\n')}\n}\n`;
}
