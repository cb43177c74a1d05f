import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

// One import on the page: its button, what it does, and how the last attempt ended.

export interface Outcome {
  ok: boolean;
  text: string;
  /** Some of it went in, some was left out: a warning, not an error. */
  partial?: boolean;
}

export function ImportRow({
  button,
  description,
  outcome,
  outcomeTestId,
  onDismiss,
  outcomeAction,
}: {
  button: ReactNode;
  description: string;
  outcome: Outcome | null;
  outcomeTestId: string;
  onDismiss(): void;
  /** Shown under the outcome: e.g. the rows left out, to download, fix and import again. */
  outcomeAction?: ReactNode;
}) {
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Box sx={{ minWidth: 280 }}>{button}</Box>
        <Typography variant="body2" color="text.secondary">
          {description}
        </Typography>
      </Stack>
      {outcome && (
        <Alert
          severity={outcome.ok ? 'success' : outcome.partial ? 'warning' : 'error'}
          role={outcome.ok ? 'status' : 'alert'}
          sx={{ mt: 1 }}
          data-testid={outcomeTestId}
          onClose={onDismiss}
        >
          {outcome.text}
          {outcomeAction && <Box sx={{ mt: 1 }}>{outcomeAction}</Box>}
        </Alert>
      )}
    </Box>
  );
}
