import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import type { ResultOf } from '#api/methods';
import { toRpcError } from '../../api/rpc-failure';
import { formatCount } from '../../format';
import { useAction, useCall } from '../../state/use-call';
import { FilePickButton } from './FilePickButton';
import { ImportRow, type Outcome } from './ImportRow';
import { ImportReport } from './ImportReport';

// Rigs from a CSV file: a dry run checks every row first and the report says which line
// is wrong; only a file with no bad row can be imported, all at once.

type Checked = ResultOf<'rigs.importCsv'>;

export function RigsCsvImport({ onImported }: { onImported(): void }) {
  const call = useCall();
  const importRigs = useAction('rigs.importCsv');
  const [reading, setReading] = useState(false);
  const [checked, setChecked] = useState<{ fileName: string; csv: string; result: Checked } | null>(
    null,
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const choose = async (file: File) => {
    setOutcome(null);
    setReading(true);
    try {
      const csv = await file.text();
      const result = await call('rigs.importCsv', { csv, dryRun: true });
      setChecked({ fileName: file.name, csv, result });
    } catch (cause) {
      setOutcome({ ok: false, text: `${file.name}: ${toRpcError(cause).message}` });
    } finally {
      setReading(false);
    }
  };

  const close = () => {
    importRigs.reset();
    setChecked(null);
  };

  const confirm = async () => {
    if (!checked) return;
    // On failure the dialog stays open and shows importRigs.error.
    const done = await importRigs.attempt({ csv: checked.csv });
    if (!done.ok) return;
    setChecked(null);
    setOutcome({ ok: done.result.created > 0, text: done.result.message });
    onImported();
  };

  const ready =
    checked !== null && checked.result.rows.length > 0 && checked.result.rows.every((r) => r.ok);
  const count = checked?.result.rows.length ?? 0;

  return (
    <>
      <ImportRow
        button={
          <FilePickButton accept=".csv,text/csv" onFile={(f) => void choose(f)} disabled={reading}>
            Import rigs from CSV
          </FilePickButton>
        }
        description="Adds rigs from a CSV with the columns of the rigs export; every row is checked first."
        outcome={outcome}
        outcomeTestId="rigs-import-outcome"
        onDismiss={() => setOutcome(null)}
      />
      {checked && (
        <Dialog
          open
          onClose={importRigs.pending ? undefined : close}
          maxWidth="md"
          fullWidth
          aria-labelledby="rigs-import-title"
        >
          <DialogTitle id="rigs-import-title">Import rigs from {checked.fileName}</DialogTitle>
          <DialogContent>
            <ImportReport
              rows={checked.result.rows.map((r) => ({
                key: `line-${r.line}`,
                place: `Line ${r.line}`,
                ok: r.ok,
                name: r.name,
                error: r.error,
              }))}
              message={checked.result.message}
              placeLabel="Line"
              ready={ready}
            />
            {importRigs.error && (
              <Alert severity="error" role="alert" sx={{ mt: 2 }}>
                {importRigs.error.message}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={importRigs.pending}>
              {ready ? 'Cancel' : 'Close'}
            </Button>
            {ready && (
              <Button
                variant="contained"
                onClick={() => void confirm()}
                disabled={importRigs.pending}
              >
                Import {formatCount(count)} {count === 1 ? 'rig' : 'rigs'}
              </Button>
            )}
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
