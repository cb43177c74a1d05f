import { RpcError } from '#api/errors';
import { findForbiddenKeySliced, forbiddenKeyName } from '#shared/forbidden-keys';
import { SLICE_MS, yieldToEventLoop } from './csv-records';

// A request carrying a key that could reach an object's prototype ("__proto__",
// "constructor", "prototype") is refused whole, before any schema sees it, with a sentence.

function refusal(at: string, what: string): RpcError {
  const key = forbiddenKeyName(at);
  return new RpcError(
    'invalid_params',
    `${what} was refused whole: it holds a field named "${key}" (at ${at}), which RigLedger never uses and refuses for safety. Remove that field and send it again; nothing was changed.`,
    { issues: [{ path: at, message: `The field "${key}" is not allowed.` }] },
  );
}

/** Refuses a request holding a forbidden key; a large one is walked in slices. */
export async function refuseForbiddenKeysSliced(params: unknown, what: string): Promise<void> {
  const at = await findForbiddenKeySliced(params, yieldToEventLoop, SLICE_MS);
  if (at !== null) throw refusal(at, what);
}
