import type { Alert } from '#api/records';
import { alertRuleLabel } from '#shared/alert-rule-labels';
import { compareSeverityWorstFirst } from '#shared/severity';
import { StatusChip } from '../../components/StatusChip';
import { pageHref } from '../../routes';
import { alertSubjectHref, alertSubjectLinkText } from '../../shell/alert-links';

// The Overview's first card at phone width: every active alert, worst first, each with
// the way to its subject; the Alerts page has the full list and its actions.

export function ActiveAlertsCard({ alerts }: { alerts: readonly Alert[] }) {
  const sorted = [...alerts].sort((a, b) => compareSeverityWorstFirst(a.severity, b.severity));
  return (
    <div className="card" data-testid="overview-alerts">
      <div className="card-content">
        <h2 className="text-h6">Alerts</h2>
        {sorted.length === 0 ? (
          <p className="text-body1 text-secondary">No active alerts.</p>
        ) : (
          <ul className="plain-list stack" style={{ gap: 12 }}>
            {sorted.map((alert) => (
              <li key={alert.id}>
                <div className="row">
                  <StatusChip status={alert.severity} />
                  <p className="text-body2 text-strong">{alertRuleLabel(alert.rule)}</p>
                </div>
                <p className="text-body2" style={{ overflowWrap: 'anywhere' }}>
                  {alert.message}
                </p>
                <a href={alertSubjectHref(alert)} className="link text-body2">
                  {alertSubjectLinkText(alert)}
                </a>
              </li>
            ))}
          </ul>
        )}
        {sorted.length > 0 && (
          <a
            href={pageHref('alerts')}
            className="link text-body2"
            style={{ display: 'inline-block', marginTop: 8 }}
          >
            Acknowledge or mute on the Alerts page
          </a>
        )}
      </div>
    </div>
  );
}
