import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import LinearProgress from '@mui/material/LinearProgress';
import { lazy, Suspense, useEffect } from 'react';
import type { Host } from './api/client';
import { OverviewPage } from './pages/overview/OverviewPage';
import { PAGES, usePage, type PageKey } from './routes';
import { AppShell } from './shell/AppShell';
import { NoticeProvider } from './shell/Notices';
import { SnapshotProvider } from './state/SnapshotProvider';
import { theme } from './theme';

// The Overview is the first screen and ships with the app; every other page is its own
// chunk, fetched when it is first opened, so the first screen's script stays small.
const RigsPage = lazy(async () => ({ default: (await import('./pages/rigs/RigsPage')).RigsPage }));
const LoansPage = lazy(async () => ({
  default: (await import('./pages/loans/LoansPage')).LoansPage,
}));
const PositionsPage = lazy(async () => ({
  default: (await import('./pages/positions/PositionsPage')).PositionsPage,
}));
const AlertsPage = lazy(async () => ({
  default: (await import('./pages/alerts/AlertsPage')).AlertsPage,
}));
const ReviewPage = lazy(async () => ({
  default: (await import('./pages/review/ReviewPage')).ReviewPage,
}));
const SettingsPage = lazy(async () => ({
  default: (await import('./pages/settings/SettingsPage')).SettingsPage,
}));

function Page({ page }: { page: PageKey }) {
  switch (page) {
    case 'overview':
      return <OverviewPage />;
    case 'rigs':
      return <RigsPage />;
    case 'loans':
      return <LoansPage />;
    case 'positions':
      return <PositionsPage />;
    case 'alerts':
      return <AlertsPage />;
    case 'review':
      return <ReviewPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

export function App({ host }: { host: Host }) {
  const page = usePage();
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
            <Suspense fallback={<LinearProgress aria-label="Opening the page" />}>
              <Page page={page} />
            </Suspense>
          </AppShell>
        </NoticeProvider>
      </SnapshotProvider>
    </ThemeProvider>
  );
}
