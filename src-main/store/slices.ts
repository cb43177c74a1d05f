// Long work done a slice at a time: after about SLICE_MS of work, other waiting work (a
// request, a rig poll) gets a turn of the event loop before the next slice. One home for
// the store's checks, the service's imports and the alert evaluation's figures.

/** Work time between two turns given to other requests: far under the 100 ms they may wait. */
export const SLICE_MS = 10;

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A pause to await often: it yields only once `ms` of work have gone by since the last turn. */
export function pauseEvery(ms: number = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < ms) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}
