import type { z } from 'zod';
import { RpcError } from '../api/errors';
import { isMethodName, methods, type MethodName, type Methods, type ResultOf } from '../api/methods';
import { parseOrThrow } from './validation';

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
    const parsed = parseOrThrow(methods[method].params, params ?? {}, `The ${method} request`);
    try {
      const handler = handlers[method] as Handler<typeof method>;
      return await handler(parsed as never);
    } catch (error) {
      if (error instanceof RpcError) throw error;
      log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw new RpcError('internal', `RigLedger could not complete ${method}; the cause was logged.`);
    }
  };
}
