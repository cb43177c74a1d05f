import { useColorScheme, useTheme, type Palette } from '@mui/material/styles';
import { useMemo } from 'react';

// Colours for the canvas, taken from the MUI palette of the scheme on screen. With CSS
// theme variables `theme.palette` stays the default scheme's, and a canvas cannot read
// var(--…), so the active scheme's palette is looked up by name.

export interface ChartTheme {
  text: string;
  textSecondary: string;
  grid: string;
  paper: string;
  primary: string;
  secondary: string;
  success: string;
  info: string;
  warning: string;
  error: string;
  fontFamily: string;
}

function hasPalette(value: unknown): value is { palette: Palette } {
  return typeof value === 'object' && value !== null && 'palette' in value;
}

function schemePalette(schemes: unknown, name: string | undefined): Palette | null {
  if (name === undefined || typeof schemes !== 'object' || schemes === null) return null;
  const scheme: unknown = Object.entries(schemes).find(([key]) => key === name)?.[1];
  return hasPalette(scheme) ? scheme.palette : null;
}

export function useChartTheme(): ChartTheme {
  const theme = useTheme();
  const { colorScheme } = useColorScheme();
  return useMemo(() => {
    const schemes: unknown = 'colorSchemes' in theme ? theme.colorSchemes : undefined;
    const palette = schemePalette(schemes, colorScheme) ?? theme.palette;
    return {
      text: palette.text.primary,
      textSecondary: palette.text.secondary,
      grid: palette.divider,
      paper: palette.background.paper,
      primary: palette.primary.main,
      secondary: palette.secondary.main,
      success: palette.success.main,
      info: palette.info.main,
      warning: palette.warning.main,
      error: palette.error.main,
      fontFamily: String(theme.typography.fontFamily ?? 'system-ui'),
    };
  }, [theme, colorScheme]);
}
