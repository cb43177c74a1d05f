// Timers the feeds start, injectable so tests fire them by hand or under vi.useFakeTimers.

/** Schedules a callback; returns its cancel function. */
export type ScheduleTimer = (callback: () => void, delayMs: number) => () => void;

/** setTimeout that does not keep the process alive on its own. */
export const scheduleWithUnref: ScheduleTimer = (callback, delayMs) => {
  const timer = setTimeout(callback, delayMs);
  if (typeof timer === 'object') timer.unref();
  return () => clearTimeout(timer);
};

/**
 * Runs `work` again and again: first after `firstDelayMs`, then after whatever `nextDelayMs`
 * says once a run has finished, so runs never overlap. stop() cancels the waiting timer.
 */
export function repeatAfterEachRun(
  schedule: ScheduleTimer,
  work: () => Promise<void>,
  nextDelayMs: () => number,
): { start(firstDelayMs: number): void; stop(): void } {
  let cancel: (() => void) | null = null;
  let running = false;
  const arm = (delayMs: number) => {
    cancel = schedule(() => {
      cancel = null;
      void work().then(() => {
        if (running) arm(nextDelayMs());
      });
    }, delayMs);
  };
  return {
    start(firstDelayMs) {
      if (running) return;
      running = true;
      arm(firstDelayMs);
    },
    stop() {
      running = false;
      cancel?.();
      cancel = null;
    },
  };
}

/**
 * Wraps a poll so a caller during a run joins it instead of starting a second one, and a
 * run that throws still settles (with what `onError` makes of the error).
 */
export function joinRunning<Args extends unknown[], T>(
  run: (...args: Args) => Promise<T>,
  onError: (error: unknown) => T,
): { (...args: Args): Promise<T>; current(): Promise<T> | null } {
  let inFlight: Promise<T> | null = null;
  const call = (...args: Args) => {
    inFlight ??= run(...args)
      .catch(onError)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  return Object.assign(call, { current: () => inFlight });
}
