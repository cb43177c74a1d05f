import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ResultOf } from '#api/methods';
import { toRpcError } from '../../api/rpc-failure';
import { formatCount, formatDateTime } from '../../format';
import { useAction, useCall } from '../../state/use-call';
import { readBackupText, type BackupParams } from './backup-file';
import { FilePickButton } from './FilePickButton';
import { ImportRow, type Outcome } from './ImportRow';

// Import a backup document: read the file, ask the service what would change, show that
// per collection and every settings change it brings, and replace the farm only once the
// operator confirms — explicitly, for changes that would silence alerts (a mute, a pinned
// price, notifications off…). A file the service refuses changes nothing and its
// sentence is shown as is.

const COLLECTION_LABELS: Record<string, string> = {
  rigs: 'Rigs',
  loans: 'Loans',
  payments: 'Loan payments',
  positions: 'Positions',
  alerts: 'Alerts',
  realisedPnl: 'Realised PnL',
};

type Preview = ResultOf<'backup.preview'>;

interface Pending {
  fileName: string;
  document: BackupParams;
  preview: Preview;
}

function summary(imported: Record<string, number>): string {
  const parts = Object.entries(imported).map(
    ([name, count]) => `${formatCount(count)} ${(COLLECTION_LABELS[name] ?? name).toLowerCase()}`,
  );
  return `Backup imported: ${parts.join(', ')}.`;
}

export function BackupImport({ onImported }: { onImported(): void }) {
  const call = useCall();
  const importBackup = useAction('backup.import');
  const [reading, setReading] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [silencingConfirmed, setSilencingConfirmed] = useState(false);

  const choose = async (file: File) => {
    setOutcome(null);
    setReading(true);
    try {
      const read = readBackupText(file.name, await file.text());
      if (!read.ok) {
        setOutcome({ ok: false, text: read.message });
        return;
      }
      const preview = await call('backup.preview', read.document);
      setSilencingConfirmed(false);
      setPending({ fileName: file.name, document: read.document, preview });
    } catch (cause) {
      setOutcome({ ok: false, text: toRpcError(cause).message });
    } finally {
      setReading(false);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    // On failure the dialog stays open and shows importBackup.error.
    const done = await importBackup.attempt({
      ...pending.document,
      confirmSilencing: silencingConfirmed,
    });
    if (!done.ok) return;
    setPending(null);
    setOutcome({ ok: true, text: summary(done.result.imported) });
    onImported();
  };

  const close = () => {
    importBackup.reset();
    setPending(null);
  };

  const silencing = pending?.preview.settingsChanges.filter((c) => c.silencesAlerts).length ?? 0;

  return (
    <>
      <ImportRow
        button={
          <FilePickButton
            accept=".json,application/json"
            onFile={(f) => void choose(f)}
            disabled={reading}
          >
            Import backup
          </FilePickButton>
        }
        description="Replaces the whole farm with a file saved by “Export everything”; shows what changes first."
        outcome={outcome}
        outcomeTestId="backup-import-outcome"
        onDismiss={() => setOutcome(null)}
      />
      {pending && (
        <Dialog
          open
          onClose={importBackup.pending ? undefined : close}
          maxWidth="sm"
          fullWidth
          aria-labelledby="backup-preview-title"
        >
          <DialogTitle id="backup-preview-title">Import {pending.fileName}?</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>
              The backup replaces everything stored now; the current state is backed up first
              (Settings → Backups). It was exported {formatDateTime(pending.document.exportedAt)}.
              {pending.preview.settingsChanged
                ? ' Its settings differ from the current ones and replace them.'
                : ' Its settings are the same as the current ones.'}
            </DialogContentText>
            <Table size="small" aria-label="What the import changes">
              <TableHead>
                <TableRow>
                  <TableCell>Records</TableCell>
                  <TableCell align="right">Now</TableCell>
                  <TableCell align="right">In the file</TableCell>
                  <TableCell align="right">Added</TableCell>
                  <TableCell align="right">Removed</TableCell>
                  <TableCell align="right">Changed</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {Object.entries(pending.preview.collections).map(([name, change]) => (
                  <TableRow key={name} data-testid={`backup-preview-${name}`}>
                    <TableCell>{COLLECTION_LABELS[name] ?? name}</TableCell>
                    <TableCell align="right">{formatCount(change.current)}</TableCell>
                    <TableCell align="right">{formatCount(change.incoming)}</TableCell>
                    <TableCell align="right">{formatCount(change.added)}</TableCell>
                    <TableCell align="right">{formatCount(change.removed)}</TableCell>
                    <TableCell align="right">{formatCount(change.changed)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Alert
              severity={pending.preview.history.included ? 'info' : 'warning'}
              sx={{ mt: 2 }}
              data-testid="backup-preview-history"
            >
              {pending.preview.history.sentence}
            </Alert>
            {pending.preview.settingsChanges.length > 0 && (
              <>
                <Typography variant="subtitle2" sx={{ mt: 2 }}>
                  Settings the file changes
                </Typography>
                <List dense aria-label="Settings the import changes">
                  {pending.preview.settingsChanges.map((change) => (
                    <ListItem
                      key={change.setting}
                      data-testid={`backup-setting-${change.setting}`}
                      sx={{ color: change.silencesAlerts ? 'warning.main' : undefined }}
                    >
                      {change.silencesAlerts ? 'Silences alerts: ' : ''}
                      {change.sentence}
                    </ListItem>
                  ))}
                </List>
              </>
            )}
            {silencing > 0 && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={silencingConfirmed}
                    onChange={(e) => setSilencingConfirmed(e.target.checked)}
                  />
                }
                label={`I want the ${silencing === 1 ? 'change' : `${silencing} changes`} that silence alerts`}
              />
            )}
            {importBackup.error && (
              <Alert severity="error" role="alert" sx={{ mt: 2 }}>
                {importBackup.error.message}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={importBackup.pending}>
              Cancel
            </Button>
            <Button
              color="warning"
              variant="contained"
              onClick={() => void confirm()}
              disabled={importBackup.pending || (silencing > 0 && !silencingConfirmed)}
            >
              Replace with this backup
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
