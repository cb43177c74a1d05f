import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Alert as AlertRecord } from '#api/records';
import type { Snapshot } from '#api/snapshot';
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
import { RecordCards, type CardSpec } from '../../records/RecordCards';
import { useHashParam } from '../../routes';
import { useQuery } from '../../state/use-call';
import { useSnapshot } from '../../state/snapshot-context';

// Active alerts from the Snapshot (or the whole history), worst first, with acknowledge,
// a 24-hour mute per subject (shown as "muted until …" with Unmute) and a link to the
// subject. Rules and thresholds are the host's; this page only acts. On a phone each alert
// is a card (records/RecordCards.tsx). Opened at `#/alerts?alert=<id>` (a notice's "View"),
// the page brings that alert into view and puts focus on it.

export const ALERT_PARAM = 'alert';

const rowTestId = (a: AlertRecord) => `alert-row-${a.id}`;
const rowLabel = (a: AlertRecord) => `${a.severity} alert: ${alertRuleLabel(a.rule)}`;

/** What the alert is about, in words: the record's name, the asset, or the farm. */
function subjectName(a: AlertRecord, snapshot: Snapshot): string {
  switch (a.subjectKind) {
    case 'position': {
      const p = snapshot.positions.find((x) => x.id === a.subjectId);
      return p ? `Position ${p.exchange} ${p.symbol} ${p.side}` : 'A removed position';
    }
    case 'loan': {
      const l = snapshot.loans.find((x) => x.id === a.subjectId);
      return l ? `Loan from ${l.lender}` : 'A removed loan';
    }
    case 'rig': {
      const r = snapshot.rigs.find((x) => x.id === a.subjectId);
      return r ? `Rig ${r.name}` : 'A removed rig';
    }
    case 'price':
      return `${a.subjectId} price`;
    case 'farm':
      return 'The farm';
  }
}

/** Brings the alert's row or card into view and focuses it, once it is on the page. */
function focusAlert(id: string): () => void {
  let tries = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = () => {
    const target = document.querySelector<HTMLElement>(
      `[data-record-row][data-testid="alert-row-${CSS.escape(id)}"]`,
    );
    if (!target) {
      if (++tries < 20) timer = setTimeout(attempt, 100);
      return;
    }
    for (const other of document.querySelectorAll('[data-focused-alert]'))
      other.removeAttribute('data-focused-alert');
    target.setAttribute('data-focused-alert', '');
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  };
  // After the page change has scrolled to the top.
  timer = setTimeout(attempt, 0);
  return () => clearTimeout(timer);
}

/** Worst first, then the newest: what needs the operator most sits at the top. */
function bySeverityThenNewest(a: AlertRecord, b: AlertRecord): number {
  return (
    compareSeverityWorstFirst(a.severity, b.severity) ||
    Date.parse(b.escalatedAt ?? b.raisedAt) - Date.parse(a.escalatedAt ?? a.raisedAt)
  );
}

const rowKey = (a: AlertRecord) => a.id;
const filterText = (a: AlertRecord) =>
  `${a.message} ${alertRuleLabel(a.rule)} ${a.rule} ${a.severity} ${a.subjectId}`;

export function AlertsPage() {
  const snapshot = useSnapshot();
  const [withResolved, setWithResolved] = useState(false);
  const history = useQuery('alerts.list', { includeResolved: true });
  const { mutes, reload: reloadMutes } = useMutes();

  const phone = usePhoneWidth();
  const focusId = useHashParam(ALERT_PARAM);
  const ready = snapshot !== null;
  useEffect(() => (focusId && ready ? focusAlert(focusId) : undefined), [focusId, ready]);
  const alertActions = useCallback(
    (a: AlertRecord, touch: boolean) =>
      a.resolvedAt ? (
        <Typography variant="body2">Resolved {formatDateTime(a.resolvedAt)}</Typography>
      ) : (
        <AlertActions
          alert={a}
          mute={muteOf(mutes, a.subjectId)}
          onDone={() => void Promise.all([history.reload(), reloadMutes()])}
          touch={touch}
        />
      ),
    [history, mutes, reloadMutes],
  );
  const messageActions = useCallback((a: AlertRecord) => alertActions(a, false), [alertActions]);
  const cardActions = useCallback((a: AlertRecord) => alertActions(a, true), [alertActions]);
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
        render: (a) => a.message,
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
      actionsColumn,
    ],
    [actionsColumn],
  );

  const subject = useMemo<Column<AlertRecord> | null>(
    () =>
      snapshot && {
        key: 'subject',
        label: 'Subject',
        render: (a) => subjectName(a, snapshot),
      },
    [snapshot],
  );
  const card = useMemo<CardSpec<AlertRecord>>(
    () => ({
      title: 'rule',
      status: 'severity',
      body: 'message',
      figures: [...(subject ? [subject] : []), 'raised'],
    }),
    [subject],
  );
  if (!snapshot) return <SnapshotPending />;
  const emptyText = withResolved ? 'No alerts have been raised.' : 'No active alerts.';
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
      <Box
        sx={{
          '& [data-focused-alert]': {
            outline: '2px solid var(--mui-palette-primary-main)',
            outlineOffset: -2,
          },
        }}
      >
        {phone ? (
          <RecordCards
            rows={rows}
            columns={columns}
            card={card}
            rowKey={rowKey}
            rowLabel={rowLabel}
            rowTestId={rowTestId}
            filterText={filterText}
            filterLabel="Filter alerts"
            ariaLabel="Alerts"
            emptyText={emptyText}
            actions={cardActions}
            focusKey={focusId}
          />
        ) : (
          <DataTable
            rows={rows}
            columns={columns}
            rowKey={rowKey}
            rowLabel={rowLabel}
            rowTestId={rowTestId}
            filterText={filterText}
            filterLabel="Filter alerts"
            ariaLabel="Alerts"
            emptyText={emptyText}
          />
        )}
      </Box>
    </>
  );
}
