import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, RpcError, type RpcErrorBody } from '#api/errors';
import { isMethodName } from '#api/methods';
import type { FarmService } from '#service/types';

// POST /api/rpc/<method>: the JSON body is the params, the JSON reply is the result.
// Every failure is { error: { code, message, details } } with the status of its code.

export const MAX_BODY_BYTES = 1024 * 1024;
/** A backup document holds the whole farm and can be far larger than any other call. */
export const MAX_BACKUP_BODY_BYTES = 16 * 1024 * 1024;
const LARGE_BODY_METHODS: ReadonlySet<string> = new Set([
  'backup.import',
  'backup.preview',
  'import.rigsCsv',
  'import.ccxtPositions',
]);

export function bodyLimitFor(method: string): number {
  return LARGE_BODY_METHODS.has(method) ? MAX_BACKUP_BODY_BYTES : MAX_BODY_BYTES;
}

function tooLarge(limit: number): RpcError {
  const mib = limit / (1024 * 1024);
  return new RpcError('too_large', `The request is larger than the ${mib} MiB this call accepts.`, {
    limitBytes: limit,
  });
}

/** Reads the body as text, stopping as soon as it passes `limit` bytes. */
async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The params of a call: the parsed JSON body; an empty body stands for `{}`. */
export async function readParams(request: Request, limit: number): Promise<unknown> {
  const text = await readBodyText(request, limit);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? ` (${error.message})` : '';
    throw new RpcError(
      'invalid_params',
      `The request body must be JSON, for example {"id":"…"}; it could not be read${reason}.`,
    );
  }
}

export type LogLine = (line: string) => void;

/** Maps any failure to the contract's error body; an unexpected one is logged, never shown. */
export function errorResponse(c: Context, error: unknown, log: LogLine): Response {
  let body: RpcErrorBody;
  if (error instanceof RpcError) {
    body = error.toBody();
    if (error.code === 'internal') log(`RigLedger: internal error: ${describe(error)}`);
  } else {
    log(
      `RigLedger: unexpected error while handling ${c.req.method} ${c.req.path}: ${describe(error)}`,
    );
    body = {
      code: 'internal',
      message:
        'RigLedger hit an unexpected problem; nothing was changed. The details are in its log.',
    };
  }
  const status: ContentfulStatusCode = ERROR_CODES[body.code];
  return c.json({ error: body }, status);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause === undefined ? '' : `\ncaused by: ${describe(error.cause)}`;
    return `${error.stack ?? error.message}${cause}`;
  }
  return String(error);
}

export async function handleRpc(
  c: Context,
  service: FarmService,
  method: string,
  log: LogLine,
): Promise<Response> {
  try {
    if (!isMethodName(method)) {
      throw new RpcError('not_found', `RigLedger has no method named "${method}".`);
    }
    const params = await readParams(c.req.raw, bodyLimitFor(method));
    const result = await service.call(method, params);
    return c.json(result ?? {});
  } catch (error) {
    return errorResponse(c, error, log);
  }
}
