import { useEffect, useState } from 'react';
import type { ResultOf } from '#api/methods';
import { toRpcError } from '../api/rpc-failure';
import { useNow } from '../state/use-now';
import { useCall } from '../state/use-call';
import { TIME_RANGES, type TimeRange } from './time-range';

// Loads named history series for a time range, and again every minute so a chart keeps
// up with the points the service records each time the prices are polled.

export type HistoryPoints = ResultOf<'history.get'>;

const RELOAD_EVERY_MS = 60_000;

export interface HistoryWindow {
  /** Points per series name, oldest first; null until the first answer. */
  series: Record<string, HistoryPoints> | null;
  error: string | null;
  /** The window shown, in epoch ms. */
  from: number;
  to: number;
}

export function useHistory(names: readonly string[], range: TimeRange): HistoryWindow {
  const call = useCall();
  const now = useNow(RELOAD_EVERY_MS);
  const from = now - TIME_RANGES[range].spanMs;
  const key = names.join('\n');
  const [loaded, setLoaded] = useState<{
    key: string;
    series: Record<string, HistoryPoints> | null;
    error: string | null;
  }>({ key: '', series: null, error: null });

  useEffect(() => {
    let current = true;
    const wanted = key === '' ? [] : key.split('\n');
    const fromIso = new Date(from).toISOString();
    Promise.all(wanted.map((series) => call('history.get', { series, from: fromIso })))
      .then((answers) => {
        if (!current) return;
        const series: Record<string, HistoryPoints> = {};
        wanted.forEach((name, index) => (series[name] = answers[index] ?? []));
        setLoaded({ key: `${key}@${range}`, series, error: null });
      })
      .catch((cause: unknown) => {
        if (!current) return;
        const failure = toRpcError(cause);
        console.error('RigLedger: history.get failed', failure);
        setLoaded({ key: `${key}@${range}`, series: null, error: failure.message });
      });
    return () => {
      current = false;
    };
  }, [call, key, range, from]);

  // A change of series or range shows nothing stale while the new answer is on its way.
  const fresh = loaded.key === `${key}@${range}`;
  return {
    series: fresh ? loaded.series : null,
    error: fresh ? loaded.error : null,
    from,
    to: now,
  };
}
