import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import MenuIcon from '@mui/icons-material/Menu';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { HoverTooltip, preloadTooltip } from '../components/HoverTooltip';
import { useCompactNav } from '../components/use-viewport';
import { formatDateTime } from '../format';
import type { PageKey } from '../routes';
import type { Alert } from '#api/records';
import { useSnapshotSelect } from '../state/snapshot-context';
import { AlertToast } from './AlertToast';
import { BrowserNotifier } from './BrowserNotifications';
import { Banners } from './Banners';
import { ConnectionChip } from './ConnectionChip';
import { NavList } from './NavList';
import { MAIN_ID, SkipLink } from './SkipLink';
import { ThemeToggle } from './ThemeToggle';

const NAV_WIDTH = 180;

// The page menu of a narrow screen is a Drawer (a modal with its focus trap and slide):
// fetched the first time the menu opens, not with the first screen (docs/architecture.md
// "The first screen").
const Drawer = lazy(() => import('@mui/material/Drawer'));

// The frame around every page: a header, the navigation (a fixed column from 900 px up,
// a menu below that), the banners above the page and the passing notices (Notices.tsx,
// provided around the shell in App.tsx).

function preloadWhenIdle() {
  if (typeof window.requestIdleCallback !== 'function') return;
  const id = window.requestIdleCallback(() => void preloadTooltip().catch(() => undefined), {
    timeout: 5_000,
  });
  return () => window.cancelIdleCallback(id);
}

/** "As of …": the one part of the frame that changes with every Snapshot. */
function AsOf({ compact }: { compact: boolean }) {
  const asOf = useSnapshotSelect((snapshot) => snapshot?.asOf);
  if (asOf === undefined) return null;
  return compact ? (
    <Typography
      variant="caption"
      color="text.secondary"
      component="p"
      sx={{ display: { xs: 'block', sm: 'none' }, mb: 1 }}
    >
      As of {formatDateTime(asOf)}
    </Typography>
  ) : (
    <Typography
      variant="body2"
      sx={{ opacity: 0.9, display: { xs: 'none', sm: 'block' } }}
      data-testid="snapshot-as-of"
    >
      As of {formatDateTime(asOf)}
    </Typography>
  );
}

function Nav({ page, onNavigate }: { page: PageKey; onNavigate: () => void }) {
  const alerts = useSnapshotSelect((snapshot) => snapshot?.alerts);
  return <NavList current={page} alerts={alerts ?? NO_ALERTS} onNavigate={onNavigate} />;
}
const NO_ALERTS: readonly Alert[] = [];

// The frame re-renders only when what it shows changes (scenario, offline); the parts that
// follow every Snapshot (the time, the alert count, the banners) subscribe on their own.
export function AppShell({ page, children }: { page: PageKey; children: ReactNode }) {
  const scenario = useSnapshotSelect((snapshot) => snapshot?.scenario ?? null);
  const offline = useSnapshotSelect((snapshot) => snapshot?.offline ?? false);
  const compact = useCompactNav();
  const [menuOpen, setMenuOpen] = useState(false);
  // Once opened, the menu stays mounted (closed), so it slides away and opens again at once.
  const [menuWanted, setMenuWanted] = useState(false);
  // The tooltips' script, fetched once the first screen is up, before anyone hovers.
  useEffect(preloadWhenIdle, []);
  const nav = <Nav page={page} onNavigate={() => setMenuOpen(false)} />;
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <SkipLink />
      <AppBar
        component="header"
        position="fixed"
        elevation={0}
        sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}
      >
        <Toolbar variant="dense" sx={{ gap: { xs: 1, sm: 1.5 }, px: { xs: 1, sm: 2 } }}>
          {compact && (
            <IconButton
              color="inherit"
              edge="start"
              aria-label="Open the page menu"
              aria-expanded={menuOpen}
              aria-controls="page-menu"
              onClick={() => {
                setMenuWanted(true);
                setMenuOpen(true);
              }}
              data-testid="nav-menu-button"
            >
              <MenuIcon />
            </IconButton>
          )}
          <Typography variant="h6" component="div" sx={{ fontWeight: 700, flexGrow: 1 }} noWrap>
            RigLedger
          </Typography>
          {scenario && <Chip size="small" color="secondary" label="Scenario" />}
          {offline && (
            <HoverTooltip
              title="No network requests are made; figures use the last stored and manual values."
              describeChild={false}
            >
              <Chip size="small" color="warning" label="Offline" data-testid="offline-chip" />
            </HoverTooltip>
          )}
          <AsOf compact={false} />
          <Stack direction="row" sx={{ bgcolor: 'background.paper', borderRadius: 4 }}>
            <ConnectionChip />
          </Stack>
          <ThemeToggle />
        </Toolbar>
      </AppBar>
      {compact ? (
        menuWanted && (
          <Suspense fallback={null}>
            <Drawer
              id="page-menu"
              variant="temporary"
              open={menuOpen}
              onClose={() => setMenuOpen(false)}
              sx={{ '& .MuiDrawer-paper': { width: 240, boxSizing: 'border-box' } }}
            >
              {nav}
            </Drawer>
          </Suspense>
        )
      ) : (
        // The fixed column: what MUI's permanent Drawer draws, without the Drawer. The column
        // itself carries the background and border, so they run the full height of a long
        // page; the links stay in view as it scrolls.
        <Box
          sx={{
            width: NAV_WIDTH,
            flexShrink: 0,
            bgcolor: 'background.paper',
            borderRight: 1,
            borderColor: 'divider',
          }}
        >
          <Box
            sx={{
              width: NAV_WIDTH,
              boxSizing: 'border-box',
              position: 'sticky',
              top: 0,
              height: '100vh',
              overflowY: 'auto',
              display: 'flex',
              flexDirection: 'column',
              bgcolor: 'background.paper',
              color: 'text.primary',
              zIndex: (t) => t.zIndex.drawer,
            }}
          >
            <Toolbar variant="dense" />
            {nav}
          </Box>
        </Box>
      )}
      <Box
        component="main"
        id={MAIN_ID}
        tabIndex={-1}
        sx={{ flexGrow: 1, p: { xs: 1.5, sm: 2.5 }, minWidth: 0, '&:focus': { outline: 'none' } }}
      >
        <Toolbar variant="dense" />
        <AsOf compact />
        <Banners />
        {children}
      </Box>
      <AlertToast />
      <BrowserNotifier />
    </Box>
  );
}
