import { useCallback, useEffect, useState } from 'react';
import type { RpcError } from '#api/errors';
import type { Review } from '#api/review';
import { toRpcError } from '../../api/rpc-failure';
import { useCall } from '../../state/use-call';

// The review for one as-of date and span, asked again whenever either changes. An answer
// that arrives after the operator picked another date is dropped.

export function useReview(asOf: string | null, months: number) {
  const call = useCall();
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (asOf === null) return;
    let current = true;
    setLoading(true);
    call('review.get', { asOf, months })
      .then((next) => {
        if (!current) return;
        setReview(next);
        setError(null);
      })
      .catch((cause: unknown) => {
        if (current) setError(toRpcError(cause));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [call, asOf, months, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { review, error, loading, reload };
}
