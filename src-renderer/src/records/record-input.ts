// A removed record sent back to its `create` method (a notice's Undo): the fields the
// contract's input schema takes, as the record held them, and nothing the Snapshot
// computed beside them (docs/dashboard.md "Notices and Undo"). The id is left out: the
// host gives the record a new one.

/** The fields of `record` named in `shape` (the input schema's `.shape`), id excluded. */
export function recordInput(
  shape: Readonly<Record<string, unknown>>,
  record: object,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id' || !Object.hasOwn(shape, key)) continue;
    // A missing figure is null in a view; the input leaves an absent field out.
    if (value === undefined || value === null) continue;
    input[key] = value;
  }
  return input;
}
