import {
  startTransition,
  useEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';

// Parts of a long page below its first screen (the Overview's outlook, charts, stress test
// and hedge planner) are built once the page is idle or once they come near the view,
// whichever is first, and then in an interruptible render: the first screen shows its
// figures without waiting for them, and a price tick or an alert is never held behind
// them (docs/architecture.md "The dashboard's speed").

/** How far below the view something starts to be built, so it is there when scrolled to. */
const NEAR_VIEW_PX = 400;
/** Without an idle moment, built after this long anyway. */
const IDLE_TIMEOUT_MS = 1_500;

type IdleHandle = { cancel(): void };

function whenIdle(run: () => void): IdleHandle {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return { cancel: () => window.cancelIdleCallback(id) };
  }
  const id = window.setTimeout(run, 50);
  return { cancel: () => window.clearTimeout(id) };
}

/**
 * True once the element has come within NEAR_VIEW_PX of the view (and, unless `visibleOnly`,
 * once the page has been idle); it stays true.
 */
export function useNearView(
  ref: RefObject<Element | null>,
  { visibleOnly = false }: { visibleOnly?: boolean } = {},
): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near) return;
    const show = () => startTransition(() => setNear(true));
    const idle = visibleOnly ? null : whenIdle(show);
    const element = ref.current;
    let observer: IntersectionObserver | null = null;
    if (element && typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) show();
        },
        { rootMargin: `${NEAR_VIEW_PX}px 0px` },
      );
      observer.observe(element);
    } else if (visibleOnly) {
      show();
    }
    return () => {
      idle?.cancel();
      observer?.disconnect();
    };
  }, [ref, near, visibleOnly]);
  return near;
}

/**
 * `value`, followed at most once every `ms` (the latest each time), in a render that gives
 * way to anything urgent: for sections that need not redraw at every price tick.
 */
export function useAtMostEvery<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const timer = window.setTimeout(
      () => {
        last.current = Date.now();
        startTransition(() => setShown(value));
      },
      Math.max(0, last.current + ms - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}

const OFF_VIEW_SKIPPED = { contentVisibility: 'auto' } as const;

/**
 * Its children once the page is idle or they come near the view; until then a box of
 * `minHeight` holding their place (and the heading, when one is given, so the page's
 * outline reads the same).
 */
export function Deferred({
  minHeight,
  placeholder,
  children,
}: {
  minHeight: number;
  placeholder?: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement | null>(null);
  const near = useNearView(ref);
  // Once built, the browser lays out and paints it only while it is near the view
  // (`content-visibility: auto`, keeping the size it last had): a price tick that redraws
  // a figure at the top does not repaint the charts and tables a long page holds below.
  if (near)
    return (
      <div style={{ ...OFF_VIEW_SKIPPED, containIntrinsicSize: `auto ${minHeight}px` }}>
        {children}
      </div>
    );
  return (
    <div ref={ref} style={{ minHeight }}>
      {placeholder}
    </div>
  );
}
