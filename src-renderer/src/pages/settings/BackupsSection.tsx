import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import BackupIcon from '@mui/icons-material/BackupOutlined';
import { useState } from 'react';
import type { ResultOf } from '#api/methods';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime, formatNumber } from '../../format';
import { useAction, useQuery } from '../../state/use-call';
import { Section } from './Section';
import { describeError } from '#shared/describe-error';

// The rotating backups in the data folder (taken on start, daily, and before every
// restore or import), one made now on request, and a restore that asks first.

type BackupFile = ResultOf<'backup.list'>[number];

function kib(sizeBytes: number): string {
  return `${formatNumber((sizeBytes / 1024).toFixed(1), 1)} KiB`;
}

export function BackupsSection() {
  const backups = useQuery('backup.list', {});
  const create = useAction('backup.create');
  const restore = useAction('backup.restore');
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const backUpNow = async () => {
    setOutcome(null);
    try {
      const made = await create.run({});
      setOutcome({ ok: true, text: `Backed up as ${made.name} (${kib(made.sizeBytes)}).` });
    } catch (cause) {
      setOutcome({ ok: false, text: describeError(cause) });
    } finally {
      await backups.reload();
    }
  };

  const list = backups.result ?? [];
  return (
    <Section
      title="Backups"
      description="Kept in the data folder: the last 10, plus one a day for 30 days. A restore replaces the farm with the chosen backup."
      actions={
        <Button
          startIcon={<BackupIcon />}
          onClick={() => void backUpNow()}
          disabled={create.pending}
        >
          Back up now
        </Button>
      }
    >
      {outcome && (
        <Alert
          severity={outcome.ok ? 'success' : 'error'}
          role={outcome.ok ? 'status' : 'alert'}
          sx={{ mb: 1 }}
          data-testid="backups-outcome"
          onClose={() => setOutcome(null)}
        >
          {outcome.text}
        </Alert>
      )}
      {backups.error && (
        <Alert severity="error">Could not list the backups: {backups.error.message}</Alert>
      )}
      {backups.loading && !backups.result && <LinearProgress aria-label="Loading backups" />}
      {backups.result && list.length === 0 && (
        <Typography color="text.secondary">No backups yet: make one with “Back up now”.</Typography>
      )}
      {list.length > 0 && (
        <Table size="small" aria-label="Backups">
          <TableHead>
            <TableRow>
              <TableCell>Taken</TableCell>
              <TableCell>File</TableCell>
              <TableCell align="right">Size</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {list.map((backup) => (
              <TableRow key={backup.name} data-testid={`backup-${backup.name}`}>
                <TableCell>{formatDateTime(backup.createdAt)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.8125rem' }}>
                  {backup.name}
                </TableCell>
                <TableCell align="right">{kib(backup.sizeBytes)}</TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    onClick={() => setRestoring(backup)}
                    title={`Restore ${backup.name}`}
                  >
                    Restore
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {restoring && (
        <ConfirmDialog
          open
          title={`Restore the backup of ${formatDateTime(restoring.createdAt)}?`}
          message={`The farm is replaced by ${restoring.name}. The current state is backed up first, so this can be undone by restoring that backup.`}
          confirmLabel="Restore"
          onClose={() => setRestoring(null)}
          onConfirm={async () => {
            const done = await restore.run({ name: restoring.name });
            setOutcome({ ok: true, text: `Restored ${done.restored}.` });
            await backups.reload();
          }}
        />
      )}
    </Section>
  );
}
