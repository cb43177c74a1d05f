import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { formatDateTime } from '../format';
import type { PageKey } from '../routes';
import { useSnapshot } from '../state/snapshot-context';
import { AlertToast } from './AlertToast';
import { BrowserNotifier } from './BrowserNotifications';
import { Banners } from './Banners';
import { ConnectionChip } from './ConnectionChip';
import { NavList } from './NavList';
import { ThemeToggle } from './ThemeToggle';

const NAV_WIDTH = 180;

export function AppShell({ page, children }: { page: PageKey; children: ReactNode }) {
  const snapshot = useSnapshot();
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', minWidth: 1024 }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 1.5 }}>
          <Typography variant="h6" component="div" sx={{ fontWeight: 700, flexGrow: 1 }}>
            RigLedger
          </Typography>
          {snapshot?.scenario && <Chip size="small" color="secondary" label="Scenario" />}
          {snapshot?.offline && (
            <Tooltip title="No network requests are made; figures use the last stored and manual values.">
              <Chip size="small" color="warning" label="Offline" data-testid="offline-chip" />
            </Tooltip>
          )}
          {snapshot && (
            <Typography variant="body2" sx={{ opacity: 0.85 }} data-testid="snapshot-as-of">
              As of {formatDateTime(snapshot.asOf)}
            </Typography>
          )}
          <Stack direction="row" sx={{ bgcolor: 'background.paper', borderRadius: 4 }}>
            <ConnectionChip />
          </Stack>
          <ThemeToggle />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: NAV_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' },
        }}
      >
        <Toolbar variant="dense" />
        <NavList current={page} alerts={snapshot?.alerts ?? []} />
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 2.5, minWidth: 0 }}>
        <Toolbar variant="dense" />
        {snapshot && <Banners snapshot={snapshot} />}
        {children}
      </Box>
      <AlertToast />
      <BrowserNotifier />
    </Box>
  );
}
