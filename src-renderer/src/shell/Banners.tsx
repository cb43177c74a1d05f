import type { StoreNotice } from '#api/snapshot';
import { AlertBox, Button } from '../components/plain';
import { formatDateTime } from '../format';
import { pageHref } from '../routes';
import { useActiveAlerts, useSnapshotSelect } from '../state/snapshot-context';
import { useAction } from '../state/use-call';
import { AlertActions } from './AlertActions';
import { muteOf, useMutes } from './use-mutes';

const BANNER_MAX = 4;

// The top of every page: what happened to the data files (in words), and every active
// critical alert the operator has not acknowledged yet, each with its actions. A store
// notice stays, across restarts, until the operator dismisses it (the host forgets it
// then); an alert leaves once acknowledged or cleared.

function StoreNoticeBanner({ notice }: { notice: StoreNotice }) {
  const dismiss = useAction('notices.dismiss');
  return (
    <AlertBox
      severity={notice.kind === 'migrated' ? 'info' : 'warning'}
      data-testid="store-notice"
      action={
        <Button
          inherit
          small
          disabled={dismiss.pending}
          onClick={() => void dismiss.attempt({ id: notice.id })}
        >
          Dismiss
        </Button>
      }
    >
      {notice.message} <small>({formatDateTime(notice.at)})</small>
      {dismiss.error && <div role="alert">{dismiss.error.message}</div>}
    </AlertBox>
  );
}

export function Banners() {
  const notices = useSnapshotSelect((snapshot) => snapshot?.notices) ?? [];
  const { mutes } = useMutes();
  const critical = useActiveAlerts().filter(
    (a) => a.severity === 'critical' && !a.resolvedAt && !a.acknowledgedAt,
  );
  if (notices.length === 0 && critical.length === 0) return null;
  return (
    <div className="stack" style={{ gap: 8, marginBottom: 16 }} data-testid="banners">
      {notices.map((notice) => (
        <StoreNoticeBanner key={notice.id} notice={notice} />
      ))}
      {critical.length > 0 && (
        <AlertBox
          severity="error"
          filled
          data-testid="critical-alerts"
          title={critical.length === 1 ? '1 critical alert' : `${critical.length} critical alerts`}
        >
          <ul className="banner-list">
            {critical.slice(0, BANNER_MAX).map((alert) => (
              <li key={alert.id} data-testid={`alert-${alert.id}`} className="banner-item">
                <span style={{ flexGrow: 1, overflowWrap: 'anywhere' }}>{alert.message}</span>
                <AlertActions alert={alert} mute={muteOf(mutes, alert.subjectId)} inverted />
              </li>
            ))}
          </ul>
          {critical.length > BANNER_MAX && (
            <a href={pageHref('alerts')} className="link-inherit">
              {critical.length - BANNER_MAX} more on the Alerts page
            </a>
          )}
        </AlertBox>
      )}
    </div>
  );
}
