import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState } from 'react';
import type { Alert as AlertRecord } from '#api/records';
import { alertRuleLabel } from '#shared/alert-rule-labels';
import { compareSeverityWorstFirst } from '#shared/severity';
import { DataTable, type Column } from '../../components/DataTable';
import { SnapshotPending } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { usePhoneWidth } from '../../components/use-viewport';
import { AlertActions } from '../../shell/AlertActions';
import { EnableBrowserNotifications } from '../../shell/BrowserNotifications';
import { muteOf, useMutes } from '../../shell/use-mutes';
import { StatusChip } from '../../components/StatusChip';
import { byText } from '../../components/sorting';
import { formatDateTime } from '../../format';
import { useQuery } from '../../state/use-call';
import { useSnapshot } from '../../state/snapshot-context';

// Active alerts from the Snapshot (or the whole history), worst first, with acknowledge,
// a 24-hour mute per subject (shown as "muted until …" with Unmute) and a link to the
// subject. Rules and thresholds are the host's; this page only acts.

/** Worst first, then the newest: what needs the operator most sits at the top. */
function bySeverityThenNewest(a: AlertRecord, b: AlertRecord): number {
  return (
    compareSeverityWorstFirst(a.severity, b.severity) ||
    Date.parse(b.escalatedAt ?? b.raisedAt) - Date.parse(a.escalatedAt ?? a.raisedAt)
  );
}

export function AlertsPage() {
  const snapshot = useSnapshot();
  const [withResolved, setWithResolved] = useState(false);
  const history = useQuery('alerts.list', { includeResolved: true });
  const { mutes, reload: reloadMutes } = useMutes();

  const phone = usePhoneWidth();
  const messageActions = useCallback(
    (a: AlertRecord) =>
      a.resolvedAt ? (
        <Typography variant="body2">Resolved {formatDateTime(a.resolvedAt)}</Typography>
      ) : (
        <AlertActions
          alert={a}
          mute={muteOf(mutes, a.subjectId)}
          onDone={() => void Promise.all([history.reload(), reloadMutes()])}
        />
      ),
    [history, mutes, reloadMutes],
  );
  const actionsColumn = useMemo<Column<AlertRecord>>(
    () => ({ key: 'actions', label: 'Actions', align: 'right', render: messageActions }),
    [messageActions],
  );

  const columns = useMemo<Column<AlertRecord>[]>(
    () => [
      {
        key: 'severity',
        label: 'Severity',
        compare: (a, b) => compareSeverityWorstFirst(a.severity, b.severity),
        render: (a) => <StatusChip status={a.severity} />,
      },
      {
        key: 'message',
        label: 'Alert',
        wrapAt: 460,
        // On a phone the actions sit under the message: the row reads as a card.
        render: (a) =>
          phone ? (
            <>
              {a.message}
              <Box sx={{ mt: 0.5 }}>{messageActions(a)}</Box>
            </>
          ) : (
            a.message
          ),
      },
      {
        key: 'rule',
        label: 'Rule',
        priority: 3,
        compare: byText((a) => alertRuleLabel(a.rule)),
        render: (a) => alertRuleLabel(a.rule),
      },
      {
        key: 'raised',
        label: 'Raised',
        priority: 2,
        compare: byText((a) => a.escalatedAt ?? a.raisedAt),
        render: (a) => (
          <>
            {formatDateTime(a.raisedAt)}
            {a.escalatedAt && (
              <Typography variant="caption" color="text.secondary" component="div">
                escalated {formatDateTime(a.escalatedAt)}
              </Typography>
            )}
            {a.acknowledgedAt && (
              <Typography variant="caption" color="text.secondary" component="div">
                acknowledged {formatDateTime(a.acknowledgedAt)}
              </Typography>
            )}
          </>
        ),
      },
      ...(phone ? [] : [actionsColumn]),
    ],
    [phone, actionsColumn, messageActions],
  );

  if (!snapshot) return <SnapshotPending />;
  const rows = [...(withResolved ? (history.result ?? []) : snapshot.alerts)].sort(
    bySeverityThenNewest,
  );
  return (
    <>
      <PageHeader
        title="Alerts"
        actions={
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <EnableBrowserNotifications />
            <FormControlLabel
              label="Include resolved"
              control={
                <Switch
                  checked={withResolved}
                  onChange={(e) => {
                    setWithResolved(e.target.checked);
                    void history.reload();
                  }}
                />
              }
            />
          </Stack>
        }
      />
      {withResolved && history.error && <Alert severity="error">{history.error.message}</Alert>}
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(a) => a.id}
        rowLabel={(a) => `${a.severity} alert: ${alertRuleLabel(a.rule)}`}
        rowTestId={(a) => `alert-row-${a.id}`}
        filterText={(a) =>
          `${a.message} ${alertRuleLabel(a.rule)} ${a.rule} ${a.severity} ${a.subjectId}`
        }
        filterLabel="Filter alerts"
        ariaLabel="Alerts"
        emptyText={withResolved ? 'No alerts have been raised.' : 'No active alerts.'}
      />
    </>
  );
}
