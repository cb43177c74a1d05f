import Badge from '@mui/material/Badge';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import DashboardIcon from '@mui/icons-material/SpaceDashboard';
import MemoryIcon from '@mui/icons-material/Memory';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import CandlestickChartIcon from '@mui/icons-material/CandlestickChart';
import NotificationsIcon from '@mui/icons-material/NotificationsActive';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import SettingsIcon from '@mui/icons-material/Settings';
import type { ReactNode } from 'react';
import type { Alert } from '#api/records';
import { worstSeverity } from '#shared/severity';
import { PAGES, pageHref, type PageKey } from '../routes';

const ICONS: Record<PageKey, ReactNode> = {
  overview: <DashboardIcon />,
  rigs: <MemoryIcon />,
  loans: <AccountBalanceIcon />,
  positions: <CandlestickChartIcon />,
  alerts: <NotificationsIcon />,
  review: <FactCheckIcon />,
  settings: <SettingsIcon />,
};

const BADGE_COLOR = { critical: 'error', warning: 'warning', info: 'info' } as const;

/** The active-alert count on the Alerts entry, coloured by the worst severity. */
function AlertsIcon({ alerts }: { alerts: readonly Alert[] }) {
  const worst = worstSeverity(alerts);
  return (
    <Badge
      badgeContent={alerts.length}
      color={worst ? BADGE_COLOR[worst] : 'default'}
      data-testid="alerts-badge"
      aria-label={`${alerts.length} active ${alerts.length === 1 ? 'alert' : 'alerts'}`}
    >
      {ICONS.alerts}
    </Badge>
  );
}

export function NavList({
  current,
  alerts,
  onNavigate,
}: {
  current: PageKey;
  alerts: readonly Alert[];
  /** Called after a page is picked (closes the menu at narrow widths). */
  onNavigate?: () => void;
}) {
  return (
    <List component="nav" aria-label="Pages">
      {PAGES.map((page) => (
        <ListItemButton
          key={page.key}
          component="a"
          href={pageHref(page.key)}
          selected={page.key === current}
          aria-current={page.key === current ? 'page' : undefined}
          onClick={onNavigate}
        >
          <ListItemIcon sx={{ minWidth: 36 }}>
            {page.key === 'alerts' ? <AlertsIcon alerts={alerts} /> : ICONS[page.key]}
          </ListItemIcon>
          <ListItemText primary={page.label} />
        </ListItemButton>
      ))}
    </List>
  );
}
