import { useEffect, useState } from 'react';

/** Date.now(), refreshed every `everyMs`, so ages on screen keep counting between snapshots. */
export function useNow(everyMs = 5000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
