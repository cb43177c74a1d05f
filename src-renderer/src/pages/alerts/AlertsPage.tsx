import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { Alert as AlertRecord } from '#api/records';
import { compareSeverityWorstFirst } from '#shared/severity';
import { DataTable, type Column } from '../../components/DataTable';
import { SnapshotPending } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { EnableBrowserNotifications } from '../../shell/BrowserNotifications';
import { StatusChip } from '../../components/StatusChip';
import { byText } from '../../components/sorting';
import { formatDateTime } from '../../format';
import { useCall, useQuery } from '../../state/use-call';
import { useSnapshot, useSnapshotState } from '../../state/snapshot-context';
import { describeError } from '#shared/describe-error';

// Active alerts from the Snapshot (or the whole history), with acknowledge and a
// 24-hour mute per subject. Rules and thresholds are the host's; this page only acts.

const MUTE_HOURS = 24;

function AlertActions({ alert, onDone }: { alert: AlertRecord; onDone(): void }) {
  const call = useCall();
  const { refresh } = useSnapshotState();
  const [error, setError] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      await refresh();
      onDone();
    } catch (cause) {
      setError(describeError(cause));
    }
  };
  if (alert.resolvedAt)
    return <Typography variant="body2">Resolved {formatDateTime(alert.resolvedAt)}</Typography>;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
      {!alert.acknowledgedAt && (
        <Button
          size="small"
          onClick={() => void act(() => call('alerts.acknowledge', { id: alert.id }))}
        >
          Acknowledge
        </Button>
      )}
      <Button
        size="small"
        onClick={() =>
          void act(() =>
            call('alerts.mute', {
              subjectId: alert.subjectId,
              until: new Date(Date.now() + MUTE_HOURS * 3_600_000).toISOString(),
            }),
          )
        }
      >
        Mute {MUTE_HOURS} h
      </Button>
      {error && <Typography color="error">{error}</Typography>}
    </Stack>
  );
}

export function AlertsPage() {
  const snapshot = useSnapshot();
  const [withResolved, setWithResolved] = useState(false);
  const history = useQuery('alerts.list', { includeResolved: true });

  const columns = useMemo<Column<AlertRecord>[]>(
    () => [
      {
        key: 'severity',
        label: 'Severity',
        compare: (a, b) => compareSeverityWorstFirst(a.severity, b.severity),
        render: (a) => <StatusChip status={a.severity} />,
      },
      { key: 'message', label: 'Alert', wrapAt: 460, render: (a) => a.message },
      { key: 'rule', label: 'Rule', compare: byText((a) => a.rule), render: (a) => a.rule },
      {
        key: 'raised',
        label: 'Raised',
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
      {
        key: 'actions',
        label: '',
        align: 'right',
        render: (a) => <AlertActions alert={a} onDone={() => void history.reload()} />,
      },
    ],
    [history],
  );

  if (!snapshot) return <SnapshotPending />;
  const rows = withResolved ? (history.result ?? []) : snapshot.alerts;
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
        rowTestId={(a) => `alert-row-${a.id}`}
        filterText={(a) => `${a.message} ${a.rule} ${a.severity} ${a.subjectId}`}
        filterLabel="Filter alerts"
        ariaLabel="Alerts"
        emptyText={withResolved ? 'No alerts have been raised.' : 'No active alerts.'}
      />
    </>
  );
}
