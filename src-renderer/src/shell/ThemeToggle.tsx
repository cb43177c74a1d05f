import { useColorScheme } from '@mui/material/styles';
import { HoverTooltip } from '../components/HoverTooltip';
import { ICONS, PlainIcon } from '../components/plain-icon';

// Cycles system → light → dark; the choice is remembered by MUI in localStorage.

const NEXT = { system: 'light', light: 'dark', dark: 'system' } as const;
const LABEL = { system: 'Theme: follows the system', light: 'Theme: light', dark: 'Theme: dark' };
const ICON = { system: ICONS.themeSystem, light: ICONS.themeLight, dark: ICONS.themeDark };

export function ThemeToggle() {
  const { mode, setMode } = useColorScheme();
  const current = mode ?? 'system';
  return (
    <HoverTooltip title={`${LABEL[current]} (click to change)`}>
      <button
        type="button"
        className="icon-btn"
        aria-label="Change theme"
        onClick={() => setMode(NEXT[current])}
      >
        <PlainIcon paths={ICON[current]} medium />
      </button>
    </HoverTooltip>
  );
}
