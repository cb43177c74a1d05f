import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';

// The two widths the layout changes at: below md (900 px) the navigation folds into a
// menu; below sm (600 px, a phone) dialogs fill the screen and the Overview leads with alerts.

export function useCompactNav(): boolean {
  return useMediaQuery(useTheme().breakpoints.down('md'), { noSsr: true });
}

export function usePhoneWidth(): boolean {
  return useMediaQuery(useTheme().breakpoints.down('sm'), { noSsr: true });
}
