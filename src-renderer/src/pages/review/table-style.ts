import type { SxProps, Theme } from '@mui/material/styles';

// Review tables carry many money columns; narrower cell padding keeps them on screen
// at 1024 px.
export const compactCells = { '& td, & th': { px: 1 } } satisfies SxProps<Theme>;
