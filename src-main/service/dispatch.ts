import type { z } from 'zod';
import { RpcError, type ErrorCode } from '#api/errors';
import { isMethodName, methods, type MethodName, type Methods, type ResultOf } from '#api/methods';
import { StoreError, type StoreErrorCode } from '#store/store-error';
import { refuseForbiddenKeys } from './forbidden-keys';
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

export type Handler<M extends MethodName> = (
  params: z.output<Methods[M]['params']>,
) => Promise<ResultOf<M>> | ResultOf<M>;

export type HandlerTable = { [M in MethodName]: Handler<M> };

export function createDispatcher(handlers: HandlerTable, log: (line: string) => void) {
  return async function call(method: string, params: unknown): Promise<unknown> {
    if (!isMethodName(method)) {
      throw new RpcError('not_found', `There is no method called "${method}".`);
    }
    refuseForbiddenKeys(params, `The ${method} request`);
    const parsed = parseOrThrow(methods[method].params, params ?? {}, `The ${method} request`);
    try {
      const handler = handlers[method] as Handler<typeof method>;
      return await handler(parsed as never);
    } catch (error) {
      if (error instanceof RpcError) throw error;
      if (error instanceof StoreError)
        throw new RpcError(STORE_ERROR_CODES[error.code], error.message, error.details);
      log(
        `${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      throw new RpcError(
        'internal',
        `RigLedger could not complete ${method}; the cause was logged.`,
      );
    }
  };
}
