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
import { methods, type ResultOf } from '#api/methods';
import type { PositionView } from '#api/snapshot';
import { usePhoneWidth } from '../../components/use-viewport';
import { formatUsd } from '../../format';
import { useAction } from '../../state/use-call';

// "Close position": the position was closed on the exchange. The operator says at what
// price (the mark now unless they type another) and on which day; the service records the
// realised PnL and takes the position off the book.

const paramsSchema = methods['positions.close'].params;

function firstIssue(value: unknown, field: 'exitPrice' | 'date'): string | undefined {
  const result = paramsSchema.shape[field].safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

export function ClosePositionDialog({
  position,
  name,
  today,
  onClose,
  onClosed,
}: {
  position: PositionView;
  name: string;
  /** YYYY-MM-DD, the default day of the close. */
  today: string;
  onClose(): void;
  onClosed(result: ResultOf<'positions.close'>): void;
}) {
  const phone = usePhoneWidth();
  const close = useAction('positions.close');
  const [exitPrice, setExitPrice] = useState(position.markPrice ?? '');
  const [date, setDate] = useState(today);
  const priceIssue =
    exitPrice.trim() === ''
      ? 'Enter the price it was closed at.'
      : firstIssue(exitPrice.trim(), 'exitPrice');
  const dateIssue = firstIssue(date, 'date');

  const submit = async () => {
    if (priceIssue !== undefined || dateIssue !== undefined) return;
    const done = await close.attempt({ id: position.id, exitPrice: exitPrice.trim(), date });
    if (done.ok) onClosed(done.result);
  };

  return (
    <Dialog
      open
      onClose={close.pending ? undefined : onClose}
      aria-labelledby="close-position-title"
      fullScreen={phone}
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="close-position-title">Close {name}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Record this position as closed on the exchange: its realised PnL at the exit price is
          added to the monthly review and the position leaves the book. Entry{' '}
          {formatUsd(position.entryPrice)}
          {position.markPrice !== null && `, mark now ${formatUsd(position.markPrice)}`}.
        </DialogContentText>
        <Stack
          component="form"
          id="close-position-form"
          spacing={2}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <TextField
            label="Exit price (USD)"
            required
            value={exitPrice}
            onChange={(e) => setExitPrice(e.target.value)}
            error={priceIssue !== undefined}
            helperText={priceIssue ?? 'The mark price now, unless it closed at another.'}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            autoFocus
          />
          <TextField
            label="Closed on"
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
            error={dateIssue !== undefined}
            helperText={dateIssue ?? ' '}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
          />
        </Stack>
        {close.error && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {close.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={close.pending}>
          Cancel
        </Button>
        <Button
          type="submit"
          form="close-position-form"
          variant="contained"
          disabled={close.pending || priceIssue !== undefined || dateIssue !== undefined}
        >
          Close position
        </Button>
      </DialogActions>
    </Dialog>
  );
}
