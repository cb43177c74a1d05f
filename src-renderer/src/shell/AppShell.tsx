import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { HoverTooltip, preloadTooltip } from '../components/HoverTooltip';
import { Chip } from '../components/plain';
import { ICONS, PlainIcon } from '../components/plain-icon';
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

// The page menu of a narrow screen is MUI's Drawer (a modal with its focus trap and slide):
// fetched the first time the menu opens, not with the first screen (docs/architecture.md
// "The first screen").
const PageMenu = lazy(() => import('./PageMenu'));

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
    <p className="text-caption text-secondary as-of-narrow">As of {formatDateTime(asOf)}</p>
  ) : (
    <p className="text-body2 as-of-wide" data-testid="snapshot-as-of">
      As of {formatDateTime(asOf)}
    </p>
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
    <div className="shell">
      <SkipLink />
      <header className="app-bar">
        <div className="toolbar">
          {compact && (
            <button
              type="button"
              className="icon-btn icon-btn-edge-start"
              aria-label="Open the page menu"
              aria-expanded={menuOpen}
              aria-controls="page-menu"
              onClick={() => {
                setMenuWanted(true);
                setMenuOpen(true);
              }}
              data-testid="nav-menu-button"
            >
              <PlainIcon paths={ICONS.menu} medium />
            </button>
          )}
          <div className="brand">RigLedger</div>
          {scenario && <Chip tone="secondary" label="Scenario" />}
          {offline && (
            <HoverTooltip
              title="No network requests are made; figures use the last stored and manual values."
              describeChild={false}
            >
              <Chip tone="warning" label="Offline" data-testid="offline-chip" />
            </HoverTooltip>
          )}
          <AsOf compact={false} />
          <div className="connection-slot">
            <ConnectionChip />
          </div>
          <ThemeToggle />
        </div>
      </header>
      {compact ? (
        menuWanted && (
          <Suspense fallback={null}>
            <PageMenu open={menuOpen} onClose={() => setMenuOpen(false)}>
              {nav}
            </PageMenu>
          </Suspense>
        )
      ) : (
        // The fixed column. The column itself carries the background and border, so they
        // run the full height of a long page; the links stay in view as it scrolls.
        <div className="nav-column">
          <div className="nav-column-inner">
            <div className="toolbar-spacer" />
            {nav}
          </div>
        </div>
      )}
      <main id={MAIN_ID} tabIndex={-1} className="main">
        <div className="toolbar-spacer" />
        <AsOf compact />
        <Banners />
        {children}
      </main>
      <AlertToast />
      <BrowserNotifier />
    </div>
  );
}
