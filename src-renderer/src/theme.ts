import { createTheme } from '@mui/material/styles';

// Light and dark schemes; MUI follows the system until the operator picks one, and
// remembers the choice in localStorage. Status colours are tuned so a chip's text and the
// coloured text on the page both reach WCAG AA (4.5:1): MUI's default light warning
// (#ed6c02) and info (#0288d1) under white text, and its dark error (#f44336) under white
// text, fall short.

const FOCUS_RING = {
  outline: '2px solid var(--mui-palette-primary-main)',
  outlineOffset: 2,
};

export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#1f5fbf' },
        warning: { main: '#a85000', contrastText: '#fff' },
        info: { main: '#0271b0', contrastText: '#fff' },
        background: { default: '#f4f6f9' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#7fb0ff' },
        error: { main: '#f44336', contrastText: '#000' },
        background: { default: '#0f1318' },
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    // A visible 2 px ring on whatever the keyboard reaches (MUI removes the outline).
    MuiCssBaseline: {
      styleOverrides: {
        ':focus-visible': FOCUS_RING,
      },
    },
    MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': FOCUS_RING } } },
    // A required field's label ends in an asterisk that screen readers skip (aria-required
    // says it); the label's text stays the field's name.
    MuiInputLabel: {
      styleOverrides: {
        root: { '&[data-required]::after': { content: '"\\00a0*" / ""' } },
      },
    },
    MuiTableCell: { styleOverrides: { root: { fontVariantNumeric: 'tabular-nums' } } },
    MuiCard: { defaultProps: { variant: 'outlined' } },
    MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
  },
});
