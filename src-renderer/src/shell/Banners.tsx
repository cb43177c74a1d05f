import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import type { StoreNotice } from '#api/snapshot';
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
    <Alert
      severity={notice.kind === 'migrated' ? 'info' : 'warning'}
      data-testid="store-notice"
      action={
        <Button
          color="inherit"
          size="small"
          disabled={dismiss.pending}
          onClick={() => void dismiss.attempt({ id: notice.id })}
        >
          Dismiss
        </Button>
      }
    >
      {notice.message} <small>({formatDateTime(notice.at)})</small>
      {dismiss.error && <div role="alert">{dismiss.error.message}</div>}
    </Alert>
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
    <Stack spacing={1} sx={{ mb: 2 }} data-testid="banners">
      {notices.map((notice) => (
        <StoreNoticeBanner key={notice.id} notice={notice} />
      ))}
      {critical.length > 0 && (
        <Alert
          severity="error"
          variant="filled"
          data-testid="critical-alerts"
          role="alert"
          sx={{ '& .MuiAlert-message': { flexGrow: 1, minWidth: 0 } }}
        >
          <AlertTitle>
            {critical.length === 1 ? '1 critical alert' : `${critical.length} critical alerts`}
          </AlertTitle>
          <Stack component="ul" sx={{ m: 0, pl: 2 }}>
            {critical.slice(0, BANNER_MAX).map((alert) => (
              <Stack
                component="li"
                key={alert.id}
                data-testid={`alert-${alert.id}`}
                direction={{ xs: 'column', sm: 'row' }}
                spacing={1}
                sx={{ alignItems: { xs: 'flex-start', sm: 'center' }, py: 0.5 }}
              >
                <span style={{ flexGrow: 1, overflowWrap: 'anywhere' }}>{alert.message}</span>
                <AlertActions alert={alert} mute={muteOf(mutes, alert.subjectId)} inverted />
              </Stack>
            ))}
          </Stack>
          {critical.length > BANNER_MAX && (
            <Link href={pageHref('alerts')} color="inherit" sx={{ fontWeight: 600 }}>
              {critical.length - BANNER_MAX} more on the Alerts page
            </Link>
          )}
        </Alert>
      )}
    </Stack>
  );
}
