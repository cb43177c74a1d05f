import { createContext, useContext, useEffect, useId } from 'react';

// Typed changes are never lost without a question. Each form with unsaved text registers
// here; while any is registered, leaving the page (another page of the app, a reload, or
// closing the window) asks first. Pages live behind the URL hash, so a refused page change
// puts the old hash back before the page is read from it. A form inside a named part of a
// page (a Settings section) is asked about by that name (docs/dashboard.md "Settings").

/** The form's id → the name of the section it sits in ('' for none). */
const dirtyForms = new Map<string, string>();

/** The name of the page section the forms below sit in. */
export const FormSection = createContext('');

export const LEAVE_QUESTION = 'You have changes that are not saved. Leave and lose them?';

/** The question before leaving, naming the sections that hold typed changes. */
export function leaveQuestion(sections: readonly string[]): string {
  const names = [...new Set(sections.filter((s) => s !== ''))];
  if (names.length === 0) return LEAVE_QUESTION;
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `You have changes that are not saved in ${list}. Leave and lose them?`;
}

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

/** Marks the calling form as holding unsaved changes while `dirty` is true. */
export function useUnsavedChanges(dirty: boolean): void {
  const id = useId();
  const section = useContext(FormSection);
  useEffect(() => {
    if (!dirty) return;
    dirtyForms.set(id, section);
    return () => {
      dirtyForms.delete(id);
    };
  }, [dirty, id, section]);
}

/** Installed once, before the router listens, so a refused change is undone first. */
export function installLeaveGuard(): void {
  window.addEventListener('hashchange', (event) => {
    if (hasUnsavedChanges() && !window.confirm(leaveQuestion([...dirtyForms.values()])))
      window.history.replaceState(window.history.state, '', event.oldURL);
  });
  window.addEventListener('beforeunload', (event) => {
    if (hasUnsavedChanges()) event.preventDefault();
  });
}
