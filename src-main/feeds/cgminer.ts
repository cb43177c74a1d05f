import { createConnection } from 'node:net';
import { decStr, type Dec, maxDec } from '#shared/decimal';
import type { Rig } from '#api/records';
import type { RigLive } from '#api/snapshot';
import { checkStatus, parseCgminerJson, readStatsTemperature, readSummary } from './cgminer-reply';

// docs/formulas.md "Chain statistics and rig readings": the cgminer RPC on TCP (bmminer, Braiins, Whatsminer speak it too). One
// connection per command: send {"command":"summary"}, read to EOF, parse; `stats` on a
// second connection for temperatures. A rig that does not answer is offline, with a reason.

export const CGMINER_TIMEOUT_MS = 3000;
const MAX_REPLY_BYTES = 1024 * 1024;

export interface RigEndpoint {
  host: string;
  port: number;
}

export interface CgminerOptions {
  timeoutMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export class CgminerError extends Error {
  override name = 'CgminerError';
}

function where(endpoint: RigEndpoint): string {
  return `${endpoint.host}:${endpoint.port}`;
}

function describeSocketError(endpoint: RigEndpoint, error: Error): string {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (code === 'ECONNREFUSED')
    return `The rig at ${where(endpoint)} refused the connection (is its API enabled?).`;
  if (code === 'ECONNRESET') return `The rig at ${where(endpoint)} dropped the connection.`;
  if (code === 'ENOTFOUND') return `The rig host ${endpoint.host} is not known to the name server.`;
  return `The rig at ${where(endpoint)} could not be reached (${code || error.message}).`;
}

/** Sends one command and returns the raw reply text (read to EOF, or to the firmware's NUL). */
export function cgminerCommand(
  endpoint: RigEndpoint,
  command: string,
  timeoutMs = CGMINER_TIMEOUT_MS,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const socket = createConnection({ host: endpoint.host, port: endpoint.port });
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(
      () =>
        finish(
          new CgminerError(
            `The rig at ${where(endpoint)} did not answer within ${timeoutMs / 1000} s.`,
          ),
        ),
      timeoutMs,
    );
    timer.unref?.();
    socket.on('connect', () => socket.write(JSON.stringify({ command })));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes > MAX_REPLY_BYTES) {
        finish(
          new CgminerError(
            `The rig at ${where(endpoint)} sent more than 1 MB; that is not a cgminer reply.`,
          ),
        );
      } else if (chunk[chunk.length - 1] === 0) {
        // Some firmwares end the reply with NUL and keep the socket open.
        finish(null);
      }
    });
    socket.on('end', () => finish(null));
    socket.on('error', (error) =>
      finish(new CgminerError(describeSocketError(endpoint, error), { cause: error })),
    );
  });
}

async function queryParsed(
  endpoint: RigEndpoint,
  command: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const text = await cgminerCommand(endpoint, command, timeoutMs);
  const reply = parseCgminerJson(text);
  if (reply === null) {
    const shown = text.replace(/\0/g, '').replace(/\s+/g, ' ').trim().slice(0, 40);
    throw new CgminerError(
      `The rig at ${where(endpoint)} sent a reply that is not cgminer JSON ("${shown}").`,
    );
  }
  const status = checkStatus(reply);
  if (!status.ok)
    throw new CgminerError(`The rig at ${where(endpoint)} refused "${command}": ${status.reason}.`);
  return reply;
}

function offline(at: string, error: string): RigLive {
  return { hashrateHs: '0', temperatureC: null, uptimeS: 0, at, online: false, error };
}

/** Polls one rig: summary for hash rate and uptime, stats for temperatures. Never throws. */
export async function pollRig(
  endpoint: RigEndpoint,
  options: CgminerOptions = {},
): Promise<RigLive> {
  const timeoutMs = options.timeoutMs ?? CGMINER_TIMEOUT_MS;
  const at = (options.now ?? (() => new Date()))().toISOString();
  const [summary, stats] = await Promise.allSettled([
    queryParsed(endpoint, 'summary', timeoutMs),
    queryParsed(endpoint, 'stats', timeoutMs),
  ]);
  if (summary.status === 'rejected') {
    const reason: unknown = summary.reason;
    return offline(at, reason instanceof Error ? reason.message : String(reason));
  }
  const figures = readSummary(summary.value);
  if (figures === null) {
    return offline(
      at,
      `The rig at ${where(endpoint)} answered without a hash rate (no MHS/GHS 5s or av).`,
    );
  }
  let temperature: Dec | null = figures.temperatureC;
  if (stats.status === 'fulfilled') {
    const fromStats = readStatsTemperature(stats.value);
    if (fromStats !== null)
      temperature = temperature === null ? fromStats : maxDec(temperature, fromStats);
  } else {
    const reason: unknown = stats.reason;
    options.log?.(
      `Temperatures of ${where(endpoint)} unavailable: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
  }
  return {
    hashrateHs: decStr(figures.hashrateHs, 0),
    temperatureC: temperature === null ? null : decStr(temperature, 1),
    uptimeS: figures.uptimeS,
    at,
    online: true,
    error: null,
  };
}

export interface PollRigsOptions extends CgminerOptions {
  /** At most this many rigs are asked at once. */
  concurrency?: number;
}

/** Polls every non-retired rig with an endpoint; the result is keyed by rig id. */
export async function pollRigs(
  rigs: readonly Rig[],
  options: PollRigsOptions = {},
): Promise<Record<string, RigLive>> {
  const targets = rigs.flatMap((rig) =>
    rig.endpoint !== undefined && rig.status !== 'retired' ? [{ rig, endpoint: rig.endpoint }] : [],
  );
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const results: Record<string, RigLive> = {};
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const { rig, endpoint } = targets[next++]!;
      const live = await pollRig(endpoint, options);
      if (!live.online) options.log?.(`Rig "${rig.name}" is offline: ${live.error ?? 'no answer'}`);
      results[rig.id] = live;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return results;
}
