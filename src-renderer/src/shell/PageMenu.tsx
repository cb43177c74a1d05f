import Drawer from '@mui/material/Drawer';
import type { ReactNode } from 'react';

// The page menu below 900 px: a modal drawer from the left, with its focus trap, Escape
// and slide. Its own chunk, fetched the first time the menu opens (AppShell.tsx).

export default function PageMenu({
  open,
  onClose,
  children,
}: {
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Drawer
      id="page-menu"
      variant="temporary"
      open={open}
      onClose={onClose}
      // Above the fixed header, as a modal is: its first entry is not hidden under the bar.
      sx={{
        zIndex: (t) => t.zIndex.modal,
        '& .MuiDrawer-paper': { width: 240, boxSizing: 'border-box' },
      }}
    >
      {children}
    </Drawer>
  );
}
