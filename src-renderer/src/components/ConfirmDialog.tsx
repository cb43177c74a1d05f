import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Alert from '@mui/material/Alert';
import { useRef, useState } from 'react';
import {
  focusAfterRemoval,
  focusWhenRemoved,
  removalOrigin,
  type RemovalOrigin,
} from './focus-after-removal';
import { usePhoneWidth } from './use-viewport';
import { toRpcError } from '../api/rpc-failure';

// Asks before anything destructive; shows the host's reason if it refuses. When the
// button that opened it went away with the record, focus goes to the neighbouring row
// (or `fallbackFocus`, or the page) rather than falling to the top of the document.

export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
  fallbackFocus,
  originRow,
}: {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): Promise<unknown>;
  onClose(): void;
  /** Where focus goes when the removed row had no neighbour, e.g. the page's Add button. */
  fallbackFocus?(): HTMLElement | null;
  /** The row of the record in question, when the opener may not sit inside it (a menu). */
  originRow?(): Element | null;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const phone = usePhoneWidth();
  const opener = useRef<RemovalOrigin>({ button: null, rows: [] });

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
      // The dialog may unmount at once (no exit transition): focus is placed from here.
      focusWhenRemoved(opener.current, () => fallbackFocus?.() ?? null);
    } catch (cause) {
      setError(toRpcError(cause).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="confirm-title"
      fullScreen={phone}
      slotProps={{
        transition: {
          onEnter: () => {
            opener.current = removalOrigin(document.activeElement, originRow?.() ?? null);
          },
          onExited: () => focusAfterRemoval(opener.current, fallbackFocus?.() ?? null),
        },
      }}
    >
      <DialogTitle id="confirm-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{message}</DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button color="error" variant="contained" onClick={confirm} disabled={pending}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
