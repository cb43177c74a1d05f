import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useEffect } from 'react';
import type { Host } from './api/client';
import { AlertsPage } from './pages/alerts/AlertsPage';
import { LoansPage } from './pages/loans/LoansPage';
import { OverviewPage } from './pages/overview/OverviewPage';
import { PositionsPage } from './pages/positions/PositionsPage';
import { ReviewPage } from './pages/review/ReviewPage';
import { RigsPage } from './pages/rigs/RigsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { usePage, type PageKey } from './routes';
import { AppShell } from './shell/AppShell';
import { SnapshotProvider } from './state/SnapshotProvider';
import { theme } from './theme';

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
  }, [page]);
  return (
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline enableColorScheme />
      <SnapshotProvider host={host}>
        <AppShell page={page}>
          <Page page={page} />
        </AppShell>
      </SnapshotProvider>
    </ThemeProvider>
  );
}
