import Box from '@mui/material/Box';
import { styled, type SxProps, type Theme } from '@mui/material/styles';
import { MISSING } from '../format';
import { HoverTooltip } from './HoverTooltip';

// A formatted figure. A value the core could not compute shows as an em dash whose
// tooltip (and accessible description) says why, so nobody mistakes it for 0. It is
// deliberately not an aria-label: that would collide with form labels. Tables show
// thousands of figures: a figure without a style of its own is a plain span.

const Missing = styled('span')(({ theme }) => ({
  color: (theme.vars ?? theme).palette.text.secondary,
  cursor: 'help',
}));

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
    if (sx === undefined) return <span data-testid={testId}>{text}</span>;
    return (
      <Box component="span" sx={sx} data-testid={testId}>
        {text}
      </Box>
    );
  }
  return (
    <HoverTooltip title={missing}>
      <Missing tabIndex={0} data-missing-reason={missing} sx={sx} data-testid={testId}>
        {MISSING}
      </Missing>
    </HoverTooltip>
  );
}
