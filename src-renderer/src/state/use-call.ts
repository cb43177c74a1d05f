import { useCallback, useEffect, useState } from 'react';
import type { MethodName, ParamsOf, ResultOf } from '#api/methods';
import type { RpcError } from '#api/errors';
import { toRpcError } from '../api/rpc-failure';
import { useHost } from './host-context';
import { useSnapshotState } from './snapshot-context';

// Small helpers around bridge.call for components: a plain call, an action that
// tracks pending/error and refreshes the snapshot after it changed something, and a
// query that loads once and can be reloaded.

export function useCall() {
  const { bridge } = useHost();
  return useCallback(
    <M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> =>
      bridge.call(method, params).catch((cause: unknown) => Promise.reject(toRpcError(cause))),
    [bridge],
  );
}

export interface Action<M extends MethodName> {
  run(params: ParamsOf<M>): Promise<ResultOf<M>>;
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
  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
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
