import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { fundingAddParamsSchema } from '#api/funding';
import type { ResultOf } from '#api/methods';
import type { PositionView } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { formatCoin, formatDateTime, formatUsd } from '../../format';
import { useCall, useQuery } from '../../state/use-call';
import { FilePickButton } from '../review/FilePickButton';
import { ImportReport } from '../review/ImportReport';

// A position's funding history: what it paid (negative) or received (positive) at each
// settlement, typed in or imported from ccxt's fetchFundingHistory() JSON. A re-import
// skips the payments already recorded.

type Checked = ResultOf<'funding.import'>;

function issueOf(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

export function FundingDialog({ position, onClose }: { position: PositionView; onClose(): void }) {
  const call = useCall();
  const history = useQuery('funding.list', { positionId: position.id });
  const asset = position.kind === 'linear' ? position.quoteAsset : position.baseAsset;
  const [at, setAt] = useState(() => new Date().toISOString().slice(0, 16) + ':00Z');
  const [amount, setAmount] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; history: unknown[] } | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const atIssue = issueOf(fundingAddParamsSchema.shape.at.safeParse(at));
  const amountIssue = issueOf(fundingAddParamsSchema.shape.amount.safeParse(amount));
  const attempt = async (work: () => Promise<void>) => {
    setProblem(null);
    try {
      await work();
    } catch (cause) {
      setProblem(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const add = () =>
    attempt(async () => {
      setTouched(true);
      if (atIssue !== undefined || amountIssue !== undefined) return;
      await call('funding.add', { positionId: position.id, at, amount });
      setAmount('');
      setTouched(false);
      await history.reload();
    });

  const choose = (chosen: File) =>
    attempt(async () => {
      setDone(null);
      let value: unknown;
      try {
        value = JSON.parse(await chosen.text());
      } catch {
        throw new Error(`${chosen.name} is not a JSON file.`);
      }
      if (!Array.isArray(value))
        throw new Error(
          `${chosen.name} does not hold a list of payments: save the array ccxt’s fetchFundingHistory() returns.`,
        );
      setFile({ name: chosen.name, history: value });
      setChecked(
        await call('funding.import', { positionId: position.id, history: value, dryRun: true }),
      );
    });

  const importFile = () =>
    attempt(async () => {
      if (file === null) return;
      const result = await call('funding.import', {
        positionId: position.id,
        history: file.history,
      });
      setDone(result.message);
      setFile(null);
      setChecked(null);
      await history.reload();
    });

  const newRows = checked?.rows.filter((r) => r.ok && !r.skipped && !r.duplicate).length ?? 0;
  const ready = checked !== null && checked.rows.every((r) => r.ok) && newRows > 0;

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="funding-title">
      <DialogTitle id="funding-title">
        Funding of {position.exchange} {position.symbol} {position.side}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          In {asset}: positive when received, negative when paid. The monthly P&amp;L counts it as
          realised.
        </Typography>
        {history.error && <Alert severity="error">{history.error.message}</Alert>}
        <Table size="small" aria-label="Funding payments">
          <TableHead>
            <TableRow>
              <TableCell>Settlement</TableCell>
              <TableCell align="right">Amount</TableCell>
              <TableCell align="right">USD then</TableCell>
              <TableCell>From</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(history.result ?? []).map((p) => (
              <TableRow key={p.id} data-testid={`funding-payment-${p.id}`}>
                <TableCell>{formatDateTime(p.at)}</TableCell>
                <TableCell align="right">{formatCoin(p.amount, p.asset)}</TableCell>
                <TableCell align="right">
                  <Figure text={formatUsd(p.amountUsd)} missing="No price was known then." />
                </TableCell>
                <TableCell>{p.origin === 'ccxt' ? 'imported' : 'typed in'}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    aria-label={`Remove the payment of ${formatDateTime(p.at)}`}
                    onClick={() =>
                      void attempt(async () => {
                        await call('funding.remove', { id: p.id });
                        await history.reload();
                      })
                    }
                  >
                    Remove
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {history.result?.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>No funding recorded for this position yet.</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
        <Stack
          component="form"
          direction="row"
          spacing={2}
          noValidate
          sx={{ mt: 2, pt: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <TextField
            label="Settlement time (UTC)"
            value={at}
            onChange={(e) => setAt(e.target.value)}
            error={touched && atIssue !== undefined}
            helperText={(touched && atIssue) || 'e.g. 2026-11-24T08:00:00Z'}
            size="small"
          />
          <TextField
            label={`Amount (${asset})`}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={touched && amountIssue !== undefined}
            helperText={(touched && amountIssue) || '+ received, − paid'}
            size="small"
          />
          <Button type="submit" variant="outlined" sx={{ alignSelf: 'flex-start' }}>
            Add payment
          </Button>
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
          <FilePickButton accept=".json,application/json" onFile={(f) => void choose(f)}>
            Import funding history (ccxt JSON)
          </FilePickButton>
          <Typography variant="caption" color="text.secondary">
            The list ccxt’s fetchFundingHistory() returns; payments already recorded are skipped.
          </Typography>
        </Stack>
        {checked && (
          <ImportReport
            rows={checked.rows.map((r) => ({
              key: `payment-${r.index}`,
              place: `Payment ${r.index}`,
              ok: r.ok,
              skipped: r.skipped === true || r.duplicate === true,
              skippedLabel: r.duplicate ? 'already recorded' : 'other symbol',
              error: r.error,
            }))}
            message={checked.message}
            placeLabel="Entry"
            ready={ready}
          />
        )}
        {problem && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {problem}
          </Alert>
        )}
        {done && (
          <Alert severity="success" role="status" sx={{ mt: 2 }}>
            {done}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {checked && (
          <Button variant="contained" disabled={!ready} onClick={() => void importFile()}>
            Import {newRows} {newRows === 1 ? 'payment' : 'payments'}
          </Button>
        )}
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
