import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, RpcError } from '#api/errors';
import { methodNamed } from '#api/method-aliases';
import type { MethodName } from '#api/methods';
import type { Snapshot } from '#api/snapshot';
import { describeError } from '#shared/describe-error';
import { toRpcFailure } from '#service/dispatch';
import { snapshotBytes } from '#service/record-json';
import type { FarmService } from '#service/types';
import { parseJsonSliced } from './sliced-json';

// POST /api/rpc/<method>: the JSON body is the params, the JSON reply is the result.
// Every failure is { error: { code, message, details } } with the status of its code.

export const MAX_BODY_BYTES = 1024 * 1024;
/** A backup document holds the whole farm and can be far larger than any other call. */
export const MAX_BACKUP_BODY_BYTES = 16 * 1024 * 1024;
const LARGE_BODY_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'backup.import',
  'backup.preview',
  'rigs.importCsv',
  'positions.importCcxt',
]);

/** The body limit of a method, by its new name or an old one (the same method either way). */
export function bodyLimitFor(name: string): number {
  const method = methodNamed(name);
  return method !== null && LARGE_BODY_METHODS.has(method) ? MAX_BACKUP_BODY_BYTES : MAX_BODY_BYTES;
}

function tooLarge(limit: number): RpcError {
  const mib = limit / (1024 * 1024);
  return new RpcError('too_large', `The request is larger than the ${mib} MiB this call accepts.`, {
    limitBytes: limit,
  });
}

/**
 * Reads the body as text, stopping as soon as it passes `limit` bytes. Each chunk is
 * decoded as it arrives, so a 16 MiB body is never decoded in one long step.
 */
async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * The params of a call: the parsed JSON body; an empty body stands for `{}`. A large body
 * (a backup) is parsed in slices, so other requests keep being answered meanwhile.
 */
export async function readParams(request: Request, limit: number): Promise<unknown> {
  const text = await readBodyText(request, limit);
  if (text.trim() === '') return {};
  try {
    return await parseJsonSliced(text);
  } catch (error) {
    throw new RpcError(
      'invalid_params',
      `The request body must be JSON, for example {"id":"…"}; it could not be read (${describeError(error)}).`,
    );
  }
}

export type LogLine = (line: string) => void;

/**
 * Maps any failure to the contract's error body. The service's dispatcher decides what an
 * unexpected failure says and logs its cause; this host only adds where it happened.
 */
export function errorResponse(c: Context, error: unknown, log: LogLine): Response {
  const body = toRpcFailure(error, `${c.req.method} ${c.req.path}`, log).toBody();
  const status: ContentfulStatusCode = ERROR_CODES[body.code];
  return c.json({ error: body }, status);
}

export async function handleRpc(
  c: Context,
  service: FarmService,
  method: string,
  log: LogLine,
): Promise<Response> {
  try {
    if (methodNamed(method) === null) {
      throw new RpcError('not_found', `RigLedger has no method named "${method}".`);
    }
    const params = await readParams(c.req.raw, bodyLimitFor(method));
    const result = await service.call(method, params);
    if (methodNamed(method) === 'snapshot.get') {
      // 3 MB on a large farm: copied together from the rows' remembered JSON bytes
      // (record-json.ts).
      return c.body(snapshotBytes(result as Snapshot), 200, {
        'Content-Type': 'application/json',
      });
    }
    return c.json(result ?? {});
  } catch (error) {
    return errorResponse(c, error, log);
  }
}
