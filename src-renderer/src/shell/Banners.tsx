import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import type { Snapshot } from '#api/snapshot';
import { formatDateTime } from '../format';
import { pageHref } from '../routes';
import { AlertActions } from './AlertActions';
import { muteOf, useMutes } from './use-mutes';

const BANNER_MAX = 4;

// The top of every page: what happened to the data files (in words), and every active
// critical alert the operator has not acknowledged yet, each with its actions. Store
// notices can be dismissed for this session; an alert leaves once acknowledged or cleared.

export function Banners({ snapshot }: { snapshot: Snapshot }) {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const notices = snapshot.notices.filter((n) => !dismissed.has(`${n.kind}@${n.at}`));
  const { mutes } = useMutes();
  const critical = snapshot.alerts.filter(
    (a) => a.severity === 'critical' && !a.resolvedAt && !a.acknowledgedAt,
  );
  if (notices.length === 0 && critical.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }} data-testid="banners">
      {notices.map((notice) => (
        <Alert
          key={`${notice.kind}@${notice.at}`}
          severity={notice.kind === 'migrated' ? 'info' : 'warning'}
          data-testid="store-notice"
          onClose={() => setDismissed((prev) => new Set(prev).add(`${notice.kind}@${notice.at}`))}
        >
          {notice.message} <small>({formatDateTime(notice.at)})</small>
        </Alert>
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
