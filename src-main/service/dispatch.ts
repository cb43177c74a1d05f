import type { z } from 'zod';
import { RpcError, type ErrorCode } from '#api/errors';
import { isDeprecatedMethodName, methodNamed } from '#api/method-aliases';
import { methods, type MethodName, type Methods, type ResultOf } from '#api/methods';
import { describeError } from '#shared/describe-error';
import { StoreError, type StoreErrorCode } from '#store/store-error';
import { refuseForbiddenKeysSliced } from './forbidden-keys';
import { parseOrThrow } from './validation';

const STORE_ERROR_CODES: Record<StoreErrorCode, ErrorCode> = {
  locked: 'conflict',
  'newer-version': 'conflict',
  'invalid-document': 'invalid_params',
  'backup-not-found': 'not_found',
  'bad-backup-name': 'invalid_params',
  closed: 'conflict',
};

// One entry for both hosts: look the method up, validate its params with the contract's
// schema, run it, and turn anything unexpected into `internal` without leaking a stack.
// The sentence a person reads for an unexpected failure is written here and nowhere else:
// the hosts hand their own unexpected failures to `toRpcFailure` too.

export type Handler<M extends MethodName> = (
  params: z.output<Methods[M]['params']>,
) => Promise<ResultOf<M>> | ResultOf<M>;

export type HandlerTable = { [M in MethodName]: Handler<M> };

/** What a person reads when something nobody planned for went wrong; the cause is in the log. */
export function unexpectedProblem(during: string): RpcError {
  return new RpcError(
    'internal',
    `RigLedger hit an unexpected problem during ${during}; the details are in its log.`,
  );
}

/**
 * Any failure as the contract's error: an RpcError stays as it is, a storage error gets
 * its code, anything else is logged with its stack and whole cause chain and answered
 * with the unexpected-problem sentence.
 */
export function toRpcFailure(
  error: unknown,
  during: string,
  log: (line: string) => void,
): RpcError {
  if (error instanceof RpcError) return error;
  if (error instanceof StoreError) {
    return new RpcError(STORE_ERROR_CODES[error.code], error.message, error.details);
  }
  log(`RigLedger: ${during} failed: ${describeError(error, { withStack: true })}`);
  return unexpectedProblem(during);
}

/**
 * Reads that show no alert and no figure an alert evaluation writes: they are answered
 * at once, even while an evaluation runs (it works in slices, so they get their turn).
 */
const ANSWERED_DURING_EVALUATION: ReadonlySet<MethodName> = new Set<MethodName>([
  'rigs.list',
  'loans.list',
  'loans.schedule',
  'positions.list',
  'settings.get',
  'feeds.status',
  'history.get',
  'history.series',
  'backup.list',
  'notices.list',
  'pnl.list',
]);

/**
 * `settled` resolves when the work earlier calls set going (alert evaluation) is done:
 * each call waits for it before it runs, so it reads a state whose alerts are worked out,
 * while the call that made the change has already been answered after its write.
 */
export function createDispatcher(
  handlers: HandlerTable,
  log: (line: string) => void,
  settled: () => Promise<void> = () => Promise.resolve(),
) {
  const oldNamesSeen = new Set<string>();
  return async function call(name: string, params: unknown): Promise<unknown> {
    // An old name runs its new name's schemas and handler: it answers exactly alike.
    const method = methodNamed(name);
    if (method === null) {
      throw new RpcError('not_found', `There is no method called "${name}".`);
    }
    if (method !== name && isDeprecatedMethodName(name) && !oldNamesSeen.has(name)) {
      oldNamesSeen.add(name);
      log(`RigLedger: ${name} is an old name of ${method}; it still works for this version.`);
    }
    // Sliced: a backup of many megabytes is walked without holding up other calls.
    await refuseForbiddenKeysSliced(params, `The ${name} request`);
    const parsed = parseOrThrow(methods[method].params, params ?? {}, `The ${name} request`);
    if (!ANSWERED_DURING_EVALUATION.has(method)) await settled();
    try {
      const handler = handlers[method] as Handler<typeof method>;
      return await handler(parsed as never);
    } catch (error) {
      throw toRpcFailure(error, name, log);
    }
  };
}
