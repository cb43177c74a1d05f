import { createTheme } from '@mui/material/styles';

// Light and dark schemes; MUI follows the system until the operator picks one, and
// remembers the choice in localStorage.

export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: { palette: { primary: { main: '#1f5fbf' }, background: { default: '#f4f6f9' } } },
    dark: { palette: { primary: { main: '#7fb0ff' }, background: { default: '#0f1318' } } },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    MuiTableCell: { styleOverrides: { root: { fontVariantNumeric: 'tabular-nums' } } },
    MuiCard: { defaultProps: { variant: 'outlined' } },
    MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
  },
});
