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
import { saveTextFile } from './save-file';

// Rigs from a CSV file: a dry run checks every row first and the report says which line
// is wrong and why; the good rows are imported, and the rows left out can be downloaded
// as a CSV of their own to fix and import again.

type Checked = ResultOf<'rigs.importCsv'>;

/** The rows left out, as a CSV the import takes back once they are fixed. */
function saveRejected({ fileName, csv }: { fileName: string; csv: string }) {
  saveTextFile({
    fileName: `${fileName.replace(/\.csv$/i, '')}-to-fix.csv`,
    text: csv,
    type: 'text/csv;charset=utf-8',
  });
}

export function RigsCsvImport({ onImported }: { onImported(): void }) {
  const call = useCall();
  const importRigs = useAction('rigs.importCsv');
  const [reading, setReading] = useState(false);
  const [checked, setChecked] = useState<{ fileName: string; csv: string; result: Checked } | null>(
    null,
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [leftOut, setLeftOut] = useState<{ fileName: string; csv: string } | null>(null);

  const choose = async (file: File) => {
    setOutcome(null);
    setLeftOut(null);
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
    setOutcome({
      ok: done.result.rejected === 0,
      partial: done.result.created > 0,
      text: done.result.message,
    });
    if (done.result.rejectedCsv !== undefined)
      setLeftOut({ fileName: checked.fileName, csv: done.result.rejectedCsv });
    onImported();
  };

  const count = checked?.result.rows.filter((r) => r.ok).length ?? 0;
  const ready = count > 0;
  const rejectedCsv = checked?.result.rejectedCsv;

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
        onDismiss={() => {
          setOutcome(null);
          setLeftOut(null);
        }}
        outcomeAction={
          leftOut && (
            <Button size="small" variant="outlined" onClick={() => saveRejected(leftOut)}>
              Download the rows left out (CSV)
            </Button>
          )
        }
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
            {rejectedCsv !== undefined && (
              <Button
                onClick={() => saveRejected({ fileName: checked.fileName, csv: rejectedCsv })}
                sx={{ mr: 'auto' }}
              >
                Download rows with problems (CSV)
              </Button>
            )}
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
                {rejectedCsv !== undefined && ', leave out the rest'}
              </Button>
            )}
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
