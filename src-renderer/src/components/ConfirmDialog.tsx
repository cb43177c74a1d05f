import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Alert from '@mui/material/Alert';
import { useRef, useState } from 'react';
import { usePhoneWidth } from './use-viewport';
import { toRpcError } from '../api/rpc-failure';

// Asks before anything destructive; shows the host's reason if it refuses. When the
// button that opened it went away with the record, focus goes to that record's table
// (or the page) rather than falling to the top of the document.

function focusAfterRemoval(table: HTMLElement | null): void {
  const target = table?.isConnected ? table : document.getElementById('main-content');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): Promise<unknown>;
  onClose(): void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const phone = usePhoneWidth();
  const opener = useRef<{ button: Element | null; table: HTMLElement | null }>({
    button: null,
    table: null,
  });

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
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
            const button = document.activeElement;
            opener.current = { button, table: button?.closest('table') ?? null };
          },
          onExited: () => {
            if (opener.current.button?.isConnected) return;
            focusAfterRemoval(opener.current.table);
          },
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
