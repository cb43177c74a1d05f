import { eventSchema, type RigLedgerEvent } from '#api/events';

// Every pushed message is validated before the UI sees it. A host may send the whole
// event ({ type, snapshot }) or just its payload under a named SSE event; both are accepted.

export function decodePushedEvent(name: string, data: unknown): RigLedgerEvent | null {
  const candidate =
    typeof data === 'object' && data !== null && 'type' in data
      ? data
      : name === 'snapshot'
        ? { type: 'snapshot', snapshot: data }
        : typeof data === 'object' && data !== null
          ? { type: name, ...data }
          : data;
  const parsed = eventSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  console.error(`RigLedger: ignored a malformed "${name}" event`, parsed.error.issues);
  return null;
}
