import { useEffect, useId } from 'react';

// Typed changes are never lost without a question. Each form with unsaved text registers
// here; while any is registered, leaving the page (another page of the app, a reload, or
// closing the window) asks first. Pages live behind the URL hash, so a refused page change
// puts the old hash back before the page is read from it.

const dirtyForms = new Set<string>();

export const LEAVE_QUESTION = 'You have changes that are not saved. Leave and lose them?';

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

/** Marks the calling form as holding unsaved changes while `dirty` is true. */
export function useUnsavedChanges(dirty: boolean): void {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    dirtyForms.add(id);
    return () => {
      dirtyForms.delete(id);
    };
  }, [dirty, id]);
}

/** Installed once, before the router listens, so a refused change is undone first. */
export function installLeaveGuard(): void {
  window.addEventListener('hashchange', (event) => {
    if (hasUnsavedChanges() && !window.confirm(LEAVE_QUESTION))
      window.history.replaceState(window.history.state, '', event.oldURL);
  });
  window.addEventListener('beforeunload', (event) => {
    if (hasUnsavedChanges()) event.preventDefault();
  });
}
