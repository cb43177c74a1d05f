import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Column } from './DataTable';

// Which columns of a table fit its box. Columns declare a `priority` (1, the default,
// is never hidden; a higher number hides sooner); while the table is wider than its box
// the least important visible columns hide (as many as the overflow needs, then checked
// again), before anything can scroll sideways or slide under the sticky actions column. When the box grows, every column
// is tried again. All of this happens in layout effects, before the browser paints.

/** The order in which columns hide: highest priority number first, rightmost first. */
export function hidingOrder<T>(columns: readonly Column<T>[]): string[] {
  return columns
    .map((column, index) => ({ key: column.key, priority: column.priority ?? 1, index }))
    .filter((c) => c.priority > 1)
    .sort((a, b) => b.priority - a.priority || b.index - a.index)
    .map((c) => c.key);
}

export function useFittingColumns<T>(
  columns: readonly Column<T>[],
  box: RefObject<HTMLElement | null>,
  /** The rows shown: new content may no longer fit. */
  rows: readonly T[],
): { visible: Column<T>[]; hidden: Column<T>[] } {
  const order = useMemo(() => hidingOrder(columns), [columns]);
  const [hiddenCount, setHiddenCount] = useState(0);
  // Bumped when the box narrows, to measure again.
  const [narrowed, setNarrowed] = useState(0);
  const width = useRef(0);

  // Still too wide, and something left to hide? Hide one more (and measure again). Asked
  // when the columns, the hidden count or the number of rows change, not at every price
  // tick that changes the rows' figures: measuring here makes the browser lay the page out
  // there and then. Wider figures that no longer fit are caught by the observer below.
  const rowCount = rows.length;
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || hiddenCount >= order.length) return;
    const overflow = el.scrollWidth - el.clientWidth;
    if (overflow <= 1) return;
    // As many as the overflow needs at once, by their header cells' widths (a table at its
    // narrowest loses about a column's width with the column), rather than one render and
    // one layout per column; the next pass checks, and hides more if it must.
    let count = hiddenCount;
    let freed = 0;
    while (count < order.length && freed < overflow) {
      const header = el.querySelector(`th[data-column="${CSS.escape(order[count]!)}"]`);
      freed += header?.getBoundingClientRect().width ?? 0;
      count += 1;
    }
    setHiddenCount(Math.max(count, hiddenCount + 1));
  }, [box, hiddenCount, order, rowCount, narrowed]);

  // A wider box may fit more: start again from every column. A narrower one, or a table
  // grown wider than its box (longer figures), may fit less. The observer is told after
  // the browser's own layout, so reading the widths there costs nothing more.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    width.current = el.clientWidth;
    const observer = new ResizeObserver(() => {
      const now = el.clientWidth;
      if (now > width.current + 1) setHiddenCount(0);
      else if (now < width.current - 1 || el.scrollWidth > now + 1) setNarrowed((n) => n + 1);
      width.current = now;
    });
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [box]);

  return useMemo(() => {
    const hiddenKeys = new Set(order.slice(0, hiddenCount));
    return {
      visible: columns.filter((c) => !hiddenKeys.has(c.key)),
      hidden: columns.filter((c) => hiddenKeys.has(c.key)),
    };
  }, [columns, order, hiddenCount]);
}
