import IconButton from '@mui/material/IconButton';
import { useColorScheme } from '@mui/material/styles';
import BrightnessAutoIcon from '@mui/icons-material/BrightnessAuto';
import LightModeIcon from '@mui/icons-material/LightMode';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import { HoverTooltip } from '../components/HoverTooltip';

// Cycles system → light → dark; the choice is remembered by MUI in localStorage.

const NEXT = { system: 'light', light: 'dark', dark: 'system' } as const;
const LABEL = { system: 'Theme: follows the system', light: 'Theme: light', dark: 'Theme: dark' };

export function ThemeToggle() {
  const { mode, setMode } = useColorScheme();
  const current = mode ?? 'system';
  const icon =
    current === 'light' ? (
      <LightModeIcon />
    ) : current === 'dark' ? (
      <DarkModeIcon />
    ) : (
      <BrightnessAutoIcon />
    );
  return (
    <HoverTooltip title={`${LABEL[current]} (click to change)`}>
      <IconButton color="inherit" aria-label="Change theme" onClick={() => setMode(NEXT[current])}>
        {icon}
      </IconButton>
    </HoverTooltip>
  );
}
