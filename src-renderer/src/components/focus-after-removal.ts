// Where focus goes when a confirmation closes and the button that opened it is gone (the
// record was removed, or the button sat in a row menu that closed): the record's own row
// if it is still there (the removal was cancelled), else the neighbouring row (the next, else the one before), so the
// keyboard carries on down the list; with no row left, the page's own fallback (its Add
// button), else the main content. Never the top of the document.

export interface RemovalOrigin {
  button: Element | null;
  /** The first word of the opening button's name ("Remove"), to focus the same button. */
  label?: string | undefined;
  /** data-testid of the record's row, then of the rows after and before it. */
  rows: string[];
}

// A table row or, on a phone, a card (records/RecordCards.tsx).
const ROW = '[data-record-row]';

/** Noted when the confirmation opens, while the row is still there. */
export function removalOrigin(button: Element | null, row: Element | null): RemovalOrigin {
  const own = row ?? button?.closest(ROW) ?? null;
  const rows: string[] = [];
  const ownId = own?.getAttribute('data-testid');
  if (ownId) rows.push(ownId);
  for (const step of ['nextElementSibling', 'previousElementSibling'] as const) {
    let sibling = own?.[step] ?? null;
    while (sibling && !sibling.matches(ROW)) sibling = sibling[step];
    const id = sibling?.getAttribute('data-testid');
    if (id) rows.push(id);
  }
  return { button, rows, label: button?.getAttribute('aria-label')?.split(' ')[0] };
}

function rowButton(row: Element, label: string | undefined): HTMLElement | null {
  const same = label ? row.querySelector<HTMLElement>(`button[aria-label^="${label} "]`) : null;
  const buttons = row.querySelectorAll<HTMLElement>('button');
  return same ?? buttons[buttons.length - 1] ?? null;
}

/** How long a removed record's row may take to leave the page before focus moves anyway. */
const ROW_GONE_WITHIN_MS = 5_000;

/**
 * After a confirmed removal: once the record's row has left the page (the snapshot may
 * bring the change a moment after the dialog closed) and no dialog is open, focus the
 * neighbouring row.
 */
export function focusWhenRemoved(origin: RemovalOrigin, fallback: () => HTMLElement | null) {
  const own = origin.rows[0];
  const settled = () =>
    (own === undefined || !document.querySelector(`${ROW}[data-testid="${CSS.escape(own)}"]`)) &&
    !document.querySelector('[role="dialog"]');
  const move = () =>
    focusAfterRemoval(
      { button: null, rows: origin.rows.slice(1), label: labelOf(origin) },
      fallback(),
    );
  const observer = new MutationObserver(() => check());
  const timer = setTimeout(() => observer.disconnect(), ROW_GONE_WITHIN_MS);
  const check = () => {
    if (!settled()) return;
    observer.disconnect();
    clearTimeout(timer);
    move();
  };
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  // Checked once after this task too, in case nothing is left to change.
  setTimeout(check, 0);
}

function labelOf(origin: RemovalOrigin): string | undefined {
  return origin.label ?? origin.button?.getAttribute('aria-label')?.split(' ')[0];
}

export function focusAfterRemoval(origin: RemovalOrigin, fallback: HTMLElement | null): void {
  if (origin.button?.isConnected) return;
  const label = labelOf(origin);
  for (const id of origin.rows) {
    const row = document.querySelector(`${ROW}[data-testid="${CSS.escape(id)}"]`);
    const target = row ? rowButton(row, label) : null;
    if (target) {
      target.focus();
      return;
    }
  }
  const target = fallback?.isConnected ? fallback : mainContent();
  target?.focus();
}

/** The page's main content, focusable: where focus goes when nothing nearer is left. */
function mainContent(): HTMLElement | null {
  const main = document.getElementById('main-content');
  if (main && !main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
  return main;
}

/**
 * While what the keyboard pressed is drawn anew (Mute becomes Unmute, an acknowledged
 * alert leaves the banner, a dismissed notice goes), watch for focus falling to the page's
 * body and give it to the first of `targets` still on the page, else to the main content.
 * The watch ends once focus has been placed, once it has moved on outside `origin`, or
 * after `withinMs`.
 */
export function keepFocusOnPage(
  origin: Element,
  targets: () => (HTMLElement | null)[],
  withinMs = ROW_GONE_WITHIN_MS,
): void {
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  const check = () => {
    const active = document.activeElement;
    if (active !== null && active !== document.body) {
      if (!origin.contains(active)) stop();
      return;
    }
    const target = targets().find((t) => t?.isConnected) ?? mainContent();
    target?.focus();
    stop();
  };
  const observer = new MutationObserver(check);
  const timer = setTimeout(() => observer.disconnect(), withinMs);
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(check, 0);
}
