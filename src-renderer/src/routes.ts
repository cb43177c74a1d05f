import { useSyncExternalStore } from 'react';

// Pages live behind the URL hash (#/rigs) so the same build works from a file in
// Electron and from the web host without any server-side routing.

export const PAGES = [
  { key: 'overview', label: 'Overview' },
  { key: 'rigs', label: 'Rigs' },
  { key: 'loans', label: 'Loans' },
  { key: 'positions', label: 'Positions' },
  { key: 'alerts', label: 'Alerts' },
  { key: 'review', label: 'Review' },
  { key: 'settings', label: 'Settings' },
] as const;
export type PageKey = (typeof PAGES)[number]['key'];

function currentPage(): PageKey {
  const key = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return PAGES.find((page) => page.key === key)?.key ?? 'overview';
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function usePage(): PageKey {
  return useSyncExternalStore(subscribe, currentPage);
}

export function pageHref(key: PageKey): string {
  return `#/${key}`;
}

/** A link to a page with a question for it, e.g. `#/settings?asset=BTC`. */
export function pageHrefWith(key: PageKey, params: Record<string, string>): string {
  return `#/${key}?${new URLSearchParams(params).toString()}`;
}

/** A value passed in the hash after the page (`#/settings?asset=BTC` → "BTC"). */
export function hashParam(name: string): string | null {
  const query = window.location.hash.split('?')[1];
  return query === undefined ? null : new URLSearchParams(query).get(name);
}

/** `hashParam(name)`, followed as the hash changes. */
export function useHashParam(name: string): string | null {
  return useSyncExternalStore(subscribe, () => hashParam(name));
}
