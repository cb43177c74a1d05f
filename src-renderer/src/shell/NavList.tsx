import type { Alert } from '#api/records';
import { worstSeverity } from '#shared/severity';
import { ICONS, PlainIcon } from '../components/plain-icon';
import { PAGES, pageHref, type PageKey } from '../routes';

const BADGE_TONE = { critical: 'error', warning: 'warning', info: 'info' } as const;

/** The active-alert count on the Alerts entry, coloured by the worst severity. */
function AlertsIcon({ alerts }: { alerts: readonly Alert[] }) {
  const worst = worstSeverity(alerts);
  return (
    <span
      className="badge"
      data-testid="alerts-badge"
      aria-label={`${alerts.length} active ${alerts.length === 1 ? 'alert' : 'alerts'}`}
    >
      <PlainIcon paths={ICONS.alerts} medium />
      {alerts.length > 0 && (
        <span className={`badge-count tone-bg-${worst ? BADGE_TONE[worst] : 'default'}`}>
          {alerts.length}
        </span>
      )}
    </span>
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
    <nav aria-label="Pages">
      <ul className="nav-list">
        {PAGES.map((page) => (
          <li key={page.key}>
            <a
              className="nav-item"
              href={pageHref(page.key)}
              aria-current={page.key === current ? 'page' : undefined}
              onClick={onNavigate}
            >
              <span className="nav-icon">
                {page.key === 'alerts' ? (
                  <AlertsIcon alerts={alerts} />
                ) : (
                  <PlainIcon paths={ICONS[page.key]} medium />
                )}
              </span>
              <span className="nav-text">{page.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
