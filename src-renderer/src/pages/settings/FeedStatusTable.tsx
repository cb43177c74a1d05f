import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useState } from 'react';
import { StatusChip } from '../../components/StatusChip';
import { formatDateTime, MISSING } from '../../format';
import { useAction, useQuery } from '../../state/use-call';
import { Section } from './Section';

// Each feed source's health, and a button that polls them all now (penalised ones too).

export function FeedStatusTable({ offline }: { offline: boolean }) {
  const status = useQuery('feeds.status', {});
  const refresh = useAction('feeds.refresh');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const refreshNow = async () => {
    setOutcome(null);
    try {
      const result = await refresh.run({});
      const count = Object.keys(result.prices).length;
      setOutcome(
        result.errors.length === 0
          ? { ok: true, text: `Refreshed: ${count} prices.` }
          : {
              ok: false,
              text: `Refreshed ${count} prices; ${result.errors.map((e) => `${e.source}: ${e.message}`).join('; ')}`,
            },
      );
    } catch (cause) {
      setOutcome({ ok: false, text: cause instanceof Error ? cause.message : String(cause) });
    } finally {
      await status.reload();
    }
  };

  return (
    <Section
      title="Feeds"
      description={offline ? 'Offline mode is on: no source is polled.' : undefined}
      actions={
        <Button
          startIcon={<RefreshIcon />}
          onClick={() => void refreshNow()}
          disabled={refresh.pending}
        >
          {refresh.pending ? 'Refreshing…' : 'Refresh now'}
        </Button>
      }
    >
      {outcome && (
        <Alert
          severity={outcome.ok ? 'success' : 'warning'}
          sx={{ mb: 1 }}
          data-testid="feeds-refresh-outcome"
        >
          {outcome.text}
        </Alert>
      )}
      {status.error && (
        <Alert severity="error">Could not read the feed status: {status.error.message}</Alert>
      )}
      <Table size="small" aria-label="Feed status">
        <TableHead>
          <TableRow>
            <TableCell>Source</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Last success</TableCell>
            <TableCell>Last error</TableCell>
            <TableCell>Skipped until</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(status.result ?? []).map((feed) => (
            <TableRow key={feed.source} data-testid={`feed-${feed.source}`}>
              <TableCell sx={{ fontWeight: 600 }}>{feed.label}</TableCell>
              <TableCell>
                {!feed.enabled ? (
                  <StatusChip status="retired" label="Disabled" />
                ) : feed.ok ? (
                  <StatusChip status="ok" label="OK" />
                ) : feed.consecutiveFailures === 0 && feed.lastSuccessAt === null ? (
                  <StatusChip status="unknown" label="Not polled yet" />
                ) : (
                  <StatusChip status="failing" label={`Failing (${feed.consecutiveFailures}×)`} />
                )}
              </TableCell>
              <TableCell>{formatDateTime(feed.lastSuccessAt)}</TableCell>
              <TableCell sx={{ maxWidth: 360, whiteSpace: 'normal' }}>
                {feed.lastError ?? MISSING}
              </TableCell>
              <TableCell>{formatDateTime(feed.skippedUntil)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
