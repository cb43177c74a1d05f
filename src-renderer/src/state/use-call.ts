import { useCallback, useEffect, useState } from 'react';
import type { MethodName, ParamsOf, ResultOf } from '#api/methods';
import type { RpcError } from '#api/errors';
import { toRpcError } from '../api/rpc-failure';
import { useHost } from './host-context';
import { useSnapshotState } from './snapshot-context';

// Small helpers around bridge.call for components: a plain call, an action that
// tracks pending/error and refreshes the snapshot after it changed something, and a
// query that loads once and can be reloaded. Nothing here swallows a failure: an
// action's `attempt` never rejects, and its failure stays in `error` for the page to show.

export function useCall() {
  const { bridge } = useHost();
  return useCallback(
    <M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> =>
      bridge.call(method, params).catch((cause: unknown) => Promise.reject(toRpcError(cause))),
    [bridge],
  );
}

/** How an action went, for a caller that goes on either way (a button, a dialog). */
export type ActionOutcome<R> = { ok: true; result: R } | { ok: false; error: RpcError };

export interface Action<M extends MethodName> {
  /** Runs the call; a failure is kept in `error` and rejects (forms place it under fields). */
  run(params: ParamsOf<M>): Promise<ResultOf<M>>;
  /** Runs the call and never rejects: a failure is kept in `error`, which the page shows. */
  attempt(params: ParamsOf<M>): Promise<ActionOutcome<ResultOf<M>>>;
  pending: boolean;
  error: RpcError | null;
  reset(): void;
}

export function useAction<M extends MethodName>(method: M): Action<M> {
  const call = useCall();
  const { refresh } = useSnapshotState();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);

  const run = useCallback(
    async (params: ParamsOf<M>) => {
      setPending(true);
      setError(null);
      try {
        const result = await call(method, params);
        void refresh();
        return result;
      } catch (cause) {
        const failure = toRpcError(cause);
        setError(failure);
        throw failure;
      } finally {
        setPending(false);
      }
    },
    [call, method, refresh],
  );
  const attempt = useCallback(
    (params: ParamsOf<M>): Promise<ActionOutcome<ResultOf<M>>> =>
      run(params).then(
        (result) => ({ ok: true, result }),
        (failure: unknown) => ({ ok: false, error: toRpcError(failure) }),
      ),
    [run],
  );
  const reset = useCallback(() => setError(null), []);
  return { run, attempt, pending, error, reset };
}

export interface Query<M extends MethodName> {
  result: ResultOf<M> | null;
  error: RpcError | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** Loads `method` with the first `params` given, on mount; `reload()` asks again. */
export function useQuery<M extends MethodName>(method: M, params: ParamsOf<M>): Query<M> {
  const call = useCall();
  const [firstParams] = useState(params);
  const [result, setResult] = useState<ResultOf<M> | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const next = await call(method, firstParams);
      setResult(next);
      setError(null);
    } catch (cause) {
      setError(toRpcError(cause));
    } finally {
      setLoading(false);
    }
  }, [call, method, firstParams]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { result, error, loading, reload };
}
