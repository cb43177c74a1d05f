import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ccxtPositionsParamsSchema } from '#api/import-export';
import type { ResultOf } from '#api/methods';
import { toRpcError } from '../../api/rpc-failure';
import { formatCount } from '../../format';
import { useAction, useCall } from '../../state/use-call';
import { readCcxtText } from './backup-file';
import { FilePickButton } from './FilePickButton';
import { ImportRow, type Outcome } from './ImportRow';
import { ImportReport } from './ImportReport';

// Positions saved from ccxt (the list fetchPositions() returns): the file gives the
// contracts, the operator names the account; a dry run checks each entry before anything
// is stored.

const accountSchema = ccxtPositionsParamsSchema.shape.account;
const exchangeSchema = ccxtPositionsParamsSchema.shape.exchange;

type Checked = ResultOf<'positions.importCcxt'>;

function issue(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

export function CcxtImport({ onImported }: { onImported(): void }) {
  const call = useCall();
  const importPositions = useAction('positions.importCcxt');
  const [file, setFile] = useState<{ name: string; positions: unknown[] } | null>(null);
  const [account, setAccount] = useState('');
  const [exchange, setExchange] = useState('');
  const [touched, setTouched] = useState(false);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const accountIssue = issue(accountSchema.safeParse(account));
  const exchangeIssue =
    exchange.trim() === '' ? undefined : issue(exchangeSchema.safeParse(exchange));
  const params = (dryRun: boolean) => ({
    positions: file?.positions ?? [],
    account,
    ...(exchange.trim() === '' ? {} : { exchange }),
    dryRun,
  });

  const choose = async (chosen: File) => {
    setOutcome(null);
    const read = readCcxtText(chosen.name, await chosen.text());
    if (!read.ok) {
      setOutcome({ ok: false, text: read.message });
      return;
    }
    setFile({ name: chosen.name, positions: read.positions });
    setChecked(null);
    setCheckError(null);
  };

  const check = async () => {
    setTouched(true);
    if (accountIssue !== undefined || exchangeIssue !== undefined) return;
    setChecking(true);
    setCheckError(null);
    try {
      setChecked(await call('positions.importCcxt', params(true)));
    } catch (cause) {
      setChecked(null);
      setCheckError(toRpcError(cause).message);
    } finally {
      setChecking(false);
    }
  };

  const close = () => {
    importPositions.reset();
    setFile(null);
    setChecked(null);
    setCheckError(null);
    setTouched(false);
  };

  const confirm = async () => {
    // On failure the dialog stays open and shows importPositions.error.
    const done = await importPositions.attempt(params(false));
    if (!done.ok) return;
    close();
    setOutcome({ ok: done.result.created > 0, text: done.result.message });
    onImported();
  };

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setChecked(null);
  };

  const importable = checked?.rows.filter((r) => r.ok && !r.skipped).length ?? 0;
  const ready = checked !== null && checked.rows.every((r) => r.ok) && importable > 0;

  return (
    <>
      <ImportRow
        button={
          <FilePickButton accept=".json,application/json" onFile={(f) => void choose(f)}>
            Import positions (ccxt JSON)
          </FilePickButton>
        }
        description="Adds positions from the list ccxt’s fetchPositions() returns, saved as JSON."
        outcome={outcome}
        outcomeTestId="ccxt-import-outcome"
        onDismiss={() => setOutcome(null)}
      />
      {file && (
        <Dialog
          open
          onClose={importPositions.pending ? undefined : close}
          maxWidth="md"
          fullWidth
          aria-labelledby="ccxt-import-title"
        >
          <DialogTitle id="ccxt-import-title">Import positions from {file.name}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              {formatCount(file.positions.length)} entries in the file. Name the account they belong
              to, then check them.
            </DialogContentText>
            <Stack
              component="form"
              direction="row"
              spacing={2}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void check();
              }}
              sx={{ mb: 2, pt: 1 }}
            >
              <TextField
                label="Account name"
                value={account}
                onChange={(e) => edit(setAccount)(e.target.value)}
                onBlur={() => setTouched(true)}
                error={touched && accountIssue !== undefined}
                helperText={(touched && accountIssue) || 'e.g. Hedge sub-account'}
                size="small"
                autoFocus
              />
              <TextField
                label="Exchange"
                value={exchange}
                onChange={(e) => edit(setExchange)(e.target.value)}
                error={exchangeIssue !== undefined}
                helperText={exchangeIssue ?? 'Optional: when the file does not say.'}
                size="small"
              />
              <Button
                type="submit"
                variant="outlined"
                disabled={checking}
                sx={{ alignSelf: 'flex-start' }}
              >
                Check positions
              </Button>
            </Stack>
            {checkError && (
              <Alert severity="error" role="alert" sx={{ mb: 1 }}>
                {checkError}
              </Alert>
            )}
            {checked && (
              <ImportReport
                rows={checked.rows.map((r) => ({
                  key: `entry-${r.index}`,
                  place: `Position ${r.index}`,
                  ok: r.ok,
                  skipped: r.skipped,
                  name: r.symbol,
                  error: r.error,
                }))}
                message={checked.message}
                placeLabel="Entry"
                ready={ready}
              />
            )}
            {importPositions.error && (
              <Alert severity="error" role="alert" sx={{ mt: 2 }}>
                {importPositions.error.message}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={importPositions.pending}>
              Cancel
            </Button>
            <Button
              variant="contained"
              onClick={() => void confirm()}
              disabled={!ready || importPositions.pending}
            >
              {ready
                ? `Import ${formatCount(importable)} ${importable === 1 ? 'position' : 'positions'}`
                : 'Import positions'}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
