import { useSyncExternalStore } from 'react';

// The two widths the layout changes at, MUI's md and sm breakpoints (plain.css uses the
// same): below 900 px the navigation folds into a menu; below 600 px (a phone) dialogs
// fill the screen and the Overview leads with alerts.

function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}

export function useCompactNav(): boolean {
  return useMedia('(max-width: 899.95px)');
}

export function usePhoneWidth(): boolean {
  return useMedia('(max-width: 599.95px)');
}
