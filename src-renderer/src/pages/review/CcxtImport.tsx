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
import { saveTextFile } from './save-file';

// Positions saved from ccxt (the list fetchPositions() returns): the file gives the
// contracts, the operator names the account; a dry run checks each entry before anything
// is stored. A maintenance margin rate the file leaves out is asked for once for all such
// entries; the good entries are imported and the rest can be downloaded to fix and retry.

const accountSchema = ccxtPositionsParamsSchema.shape.account;
const exchangeSchema = ccxtPositionsParamsSchema.shape.exchange;
const marginRateSchema = ccxtPositionsParamsSchema.shape.defaultMaintenanceMarginPct;

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
  const [marginRatePct, setMarginRatePct] = useState('');
  const [touched, setTouched] = useState(false);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const accountIssue = issue(accountSchema.safeParse(account));
  const exchangeIssue =
    exchange.trim() === '' ? undefined : issue(exchangeSchema.safeParse(exchange));
  const marginRate = marginRatePct.trim().replace(/\s*%$/, '');
  const marginRateIssue =
    marginRate === '' ? undefined : issue(marginRateSchema.safeParse(marginRate));
  const params = (dryRun: boolean) => ({
    positions: file?.positions ?? [],
    account,
    ...(exchange.trim() === '' ? {} : { exchange }),
    ...(marginRate === '' ? {} : { defaultMaintenanceMarginPct: marginRate }),
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
    if (accountIssue !== undefined || exchangeIssue !== undefined || marginRateIssue !== undefined)
      return;
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
    setOutcome({
      ok: done.result.created > 0 && done.result.rejected === 0,
      partial: done.result.created > 0,
      text: done.result.message,
    });
    onImported();
  };

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setChecked(null);
  };

  const importable = checked?.rows.filter((r) => r.ok && !r.skipped).length ?? 0;
  const ready = checked !== null && importable > 0;
  const rejected = checked?.rows.filter((r) => !r.ok).map((r) => r.index) ?? [];
  const askRate = (checked?.missingMaintenanceMargin ?? 0) > 0 || marginRate !== '';
  const saveRejected = () => {
    if (!file) return;
    const entries = rejected.map((index) => file.positions[index - 1]);
    saveTextFile({
      fileName: `${file.name.replace(/\.json$/i, '')}-to-fix.json`,
      text: `${JSON.stringify(entries, null, 2)}\n`,
      type: 'application/json;charset=utf-8',
    });
  };

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
              {formatCount(file.positions.length)}{' '}
              {file.positions.length === 1 ? 'entry' : 'entries'} in the file. Name the account they
              belong to, then check them.
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
              {askRate && (
                <TextField
                  label="Maintenance margin rate (%)"
                  value={marginRatePct}
                  onChange={(e) => edit(setMarginRatePct)(e.target.value)}
                  error={marginRateIssue !== undefined}
                  helperText={
                    marginRateIssue ??
                    `For the ${formatCount(checked?.missingMaintenanceMargin ?? 0)} without one in the file, e.g. 0.5`
                  }
                  size="small"
                  slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                />
              )}
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
            {rejected.length > 0 && (
              <Button onClick={saveRejected} sx={{ mr: 'auto' }}>
                Download entries with problems (JSON)
              </Button>
            )}
            <Button onClick={close} disabled={importPositions.pending}>
              Cancel
            </Button>
            <Button
              variant="contained"
              onClick={() => void confirm()}
              disabled={!ready || importPositions.pending}
            >
              {ready
                ? `Import ${formatCount(importable)} ${importable === 1 ? 'position' : 'positions'}${rejected.length > 0 ? ', leave out the rest' : ''}`
                : 'Import positions'}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
