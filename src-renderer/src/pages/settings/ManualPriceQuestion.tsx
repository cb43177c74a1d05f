import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import type { ManualPriceJumpDetails } from '#api/records';
import { toRpcError } from '../../api/rpc-failure';
import { formatSignedPct, formatUsd } from '../../format';

// Asked when the host refused a manual price far from the last known one: both numbers
// side by side, the slipped-digit reading when there is one, and the operator's choice.

export function ManualPriceQuestion({
  jump,
  onSet,
  onClose,
}: {
  jump: ManualPriceJumpDetails;
  /** Sends a price; `confirm` takes it however far it is from the last one. */
  onSet(usd: string, confirm: boolean): Promise<unknown>;
  onClose(): void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { asset, lastUsd, proposedUsd, suggestedUsd } = jump;
  const set = async (usd: string, confirm: boolean) => {
    setPending(true);
    setError(null);
    try {
      await onSet(usd, confirm);
      onClose();
    } catch (cause) {
      setError(toRpcError(cause).message);
    } finally {
      setPending(false);
    }
  };
  const title =
    suggestedUsd === null
      ? `Did you mean to move ${asset} by ${formatSignedPct(jump.changePct, 1)}?`
      : `Did you mean ${formatUsd(suggestedUsd)}?`;
  return (
    <Dialog open onClose={pending ? undefined : onClose} aria-labelledby="price-question-title">
      <DialogTitle id="price-question-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText data-testid="price-question">
          You typed {formatUsd(proposedUsd)} for {asset}; the last known price is{' '}
          {formatUsd(lastUsd)} ({formatSignedPct(jump.changePct, 1)}). A manual price wins over
          every feed, and liquidation and margin-call alerts follow it at once.
        </DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        {suggestedUsd !== null && (
          <Button onClick={() => void set(suggestedUsd, false)} disabled={pending}>
            Use {formatUsd(suggestedUsd)}
          </Button>
        )}
        <Button
          variant="contained"
          color="warning"
          onClick={() => void set(proposedUsd, true)}
          disabled={pending}
        >
          Yes, set {formatUsd(proposedUsd)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
