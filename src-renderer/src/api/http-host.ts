import type { RigLedgerBridge, RigLedgerEvent } from '#api/events';
import type { MethodName, ParamsOf, ResultOf } from '#api/methods';
import { RpcError } from '#api/errors';
import { connectionCell, type Host } from './host';
import { decodePushedEvent } from './pushed-event';
import { toRpcError } from './rpc-failure';
import { describeError } from '#shared/describe-error';

// The browser transport (docs/architecture.md "The two hosts"): POST /api/rpc/<method> and an SSE stream at
// /api/events. Auth is the cookie the web host set when the page was opened with ?token=.

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 15_000;

async function post<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
  let response: Response;
  try {
    response = await fetch(`/api/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(params),
    });
  } catch (cause) {
    throw new RpcError('internal', `Cannot reach the RigLedger server (${describeError(cause)}).`);
  }
  // A body that is not JSON (a proxy's error page) is not lost: the status line below says it.
  const body: unknown = await response.json().catch(() => undefined);
  // Trusted, not checked: the host does not parse results at run time; the service's
  // tests hold every method to its result schema (docs/contract.md, "Results").
  if (response.ok) return body as ResultOf<M>;
  if (body !== undefined) {
    const error = toRpcError(body);
    if (error.code !== 'internal' || error.message) throw error;
  }
  throw new RpcError(
    response.status === 401 ? 'unauthorized' : 'internal',
    response.status === 401
      ? 'This browser is not signed in: open the address RigLedger printed (with ?token=…).'
      : `The server answered ${response.status} ${response.statusText}.`,
  );
}

export function connectHttpHost(): Host {
  const state = connectionCell('connecting');
  const listeners = new Set<(event: RigLedgerEvent) => void>();
  let source: EventSource | null = null;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (name: string) => (message: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch (cause) {
      console.error(`RigLedger: a "${name}" event was not JSON`, cause);
      return;
    }
    const event = decodePushedEvent(name, data);
    if (event) for (const listener of listeners) listener(event);
  };

  const open = () => {
    retryTimer = undefined;
    source = new EventSource('/api/events', { withCredentials: true });
    source.addEventListener('snapshot', deliver('snapshot'));
    source.addEventListener('snapshot-delta', deliver('snapshot-delta'));
    source.addEventListener('alert', deliver('alert'));
    source.onopen = () => {
      retryMs = RETRY_MIN_MS;
      state.set('connected');
    };
    source.onerror = () => {
      if (state.get() === 'connected') state.set('reconnecting');
      // The browser retries by itself unless the stream was refused; then we retry with backoff.
      if (source?.readyState === EventSource.CLOSED && retryTimer === undefined) {
        source = null;
        state.set('reconnecting');
        retryTimer = setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      }
    };
  };

  const bridge: RigLedgerBridge = {
    call: (method, params) =>
      post(method, params).catch((cause: unknown) => Promise.reject(toRpcError(cause))),
    onEvent(listener) {
      listeners.add(listener);
      if (source === null && retryTimer === undefined) open();
      return () => {
        listeners.delete(listener);
      };
    },
    // A new stream starts with the full Snapshot.
    resync() {
      if (retryTimer !== undefined) return;
      source?.close();
      open();
    },
  };
  return { bridge, notifications: 'browser', connection: state.get, onConnection: state.subscribe };
}
