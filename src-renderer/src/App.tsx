import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import type { Host } from './api/client';
import { Bar } from './components/plain';
import { OverviewPage } from './pages/overview/OverviewPage';
import { PAGES, usePage, type PageKey } from './routes';
import { AppShell } from './shell/AppShell';
import { NoticeProvider } from './shell/Notices';
import { SnapshotProvider } from './state/SnapshotProvider';
import { theme } from './theme';

// The Overview is the first screen and ships with the app; every other page is its own
// chunk, so the first screen's script stays small. Once the first screen is up and the
// page is idle, the other pages' chunks are fetched: opening one then renders it at once,
// with no moment of "Opening the page" (and none of the wait React keeps before it
// swaps a fallback for the page, so it does not flicker). A page opened before that is
// fetched on the spot.
type OtherPage = Exclude<PageKey, 'overview'>;
const LOADERS: Record<OtherPage, () => Promise<ComponentType>> = {
  rigs: async () => (await import('./pages/rigs/RigsPage')).RigsPage,
  loans: async () => (await import('./pages/loans/LoansPage')).LoansPage,
  positions: async () => (await import('./pages/positions/PositionsPage')).PositionsPage,
  alerts: async () => (await import('./pages/alerts/AlertsPage')).AlertsPage,
  review: async () => (await import('./pages/review/ReviewPage')).ReviewPage,
  settings: async () => (await import('./pages/settings/SettingsPage')).SettingsPage,
};
const loaded = new Map<OtherPage, ComponentType>();
const LAZY = Object.fromEntries(
  Object.entries(LOADERS).map(([key, load]) => [
    key,
    lazy(async () => {
      const component = await load();
      loaded.set(key as OtherPage, component);
      return { default: component };
    }),
  ]),
) as unknown as Record<OtherPage, ComponentType>;

/** The other pages are fetched in the first idle moment this long after the first screen. */
const PRELOAD_AFTER_MS = 2_000;

function preloadPages(): void {
  for (const [key, load] of Object.entries(LOADERS) as [
    OtherPage,
    () => Promise<ComponentType>,
  ][]) {
    load().then(
      (component) => loaded.set(key, component),
      // Fetched again (and any failure shown) when the page is opened.
      () => undefined,
    );
  }
}

function Page({ page }: { page: PageKey }) {
  if (page === 'overview') return <OverviewPage />;
  const Component = loaded.get(page) ?? LAZY[page];
  return <Component />;
}

export function App({ host }: { host: Host }) {
  const page = usePage();
  useEffect(() => {
    let idle: number | undefined;
    const timer = window.setTimeout(() => {
      if (typeof window.requestIdleCallback === 'function') {
        idle = window.requestIdleCallback(preloadPages, { timeout: PRELOAD_AFTER_MS });
      } else {
        preloadPages();
      }
    }, PRELOAD_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, []);
  useEffect(() => {
    window.scrollTo(0, 0);
    // Each page has its own title, so tabs, history and screen readers say where one is.
    const label = PAGES.find((p) => p.key === page)?.label ?? 'Overview';
    document.title = `${label} — RigLedger`;
  }, [page]);
  return (
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline enableColorScheme />
      <SnapshotProvider host={host}>
        <NoticeProvider>
          <AppShell page={page}>
            <Suspense fallback={<Bar label="Opening the page" />}>
              <Page page={page} />
            </Suspense>
          </AppShell>
        </NoticeProvider>
      </SnapshotProvider>
    </ThemeProvider>
  );
}
