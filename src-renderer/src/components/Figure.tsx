import Tooltip from '@mui/material/Tooltip';
import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import { MISSING } from '../format';

// A formatted figure. A value the core could not compute shows as an em dash whose
// tooltip (and accessible description) says why, so nobody mistakes it for 0. It is
// deliberately not an aria-label: that would collide with form labels.

export function Figure({
  text,
  missing = 'Not available',
  sx,
  testId,
}: {
  text: string;
  missing?: string;
  sx?: SxProps<Theme>;
  testId?: string;
}) {
  if (text !== MISSING) {
    return (
      <Box component="span" sx={sx} data-testid={testId}>
        {text}
      </Box>
    );
  }
  return (
    <Tooltip title={missing} describeChild>
      <Box
        component="span"
        tabIndex={0}
        data-missing-reason={missing}
        sx={[{ color: 'text.secondary', cursor: 'help' }, ...(Array.isArray(sx) ? sx : [sx])]}
        data-testid={testId}
      >
        {MISSING}
      </Box>
    </Tooltip>
  );
}
