import { useEffect, useState } from 'react';

// chart.js builds a chart (its layout, scales and first drawing) in 30-50 ms on a large
// farm. A section that shows several charts at once (the Overview's charts, a page of
// loans' LTV charts) would build them all in one task of the browser's main thread, long
// enough to hold a price tick and the banner. Each chart waits for its turn instead: one is
// built, then the next a little later, each in a task of its own
// (docs/architecture.md "The dashboard's speed").

/** The pause between two charts' turns, time for one to render, draw and let others run. */
const TURN_GAP_MS = 40;

const waiting: Array<() => void> = [];
let releasing = false;

function releaseNext(): void {
  const next = waiting.shift();
  if (next === undefined) {
    releasing = false;
    return;
  }
  next();
  setTimeout(releaseNext, TURN_GAP_MS);
}

/** False until this chart's turn to be built has come; then true for good. */
export function useChartTurn(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    const take = () => setReady(true);
    waiting.push(take);
    if (!releasing) {
      releasing = true;
      setTimeout(releaseNext, 0);
    }
    return () => {
      const at = waiting.indexOf(take);
      if (at !== -1) waiting.splice(at, 1);
    };
  }, [ready]);
  return ready;
}
