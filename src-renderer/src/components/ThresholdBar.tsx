import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { HoverTooltip } from './HoverTooltip';

// A progress bar with labelled tick marks (margin-call and liquidation lines, say).
// Positions are 0–100 along the bar.

export interface Tick {
  at: number;
  label: string;
  color: string;
}

export function ThresholdBar({
  value,
  color,
  ticks,
  label,
}: {
  value: number;
  color: 'success' | 'info' | 'warning' | 'error' | 'inherit';
  ticks: readonly Tick[];
  label: string;
}) {
  return (
    <Box sx={{ position: 'relative', my: 1 }}>
      <LinearProgress
        variant="determinate"
        value={value}
        color={color}
        aria-label={label}
        // A live figure: the bar moves with it at once rather than sliding for 0.4 s after
        // every price tick (an animation per bar twice a second on a busy farm).
        sx={{ height: 10, borderRadius: 5, '& .MuiLinearProgress-bar': { transition: 'none' } }}
      />
      {ticks.map((tick) => (
        <HoverTooltip key={tick.label} title={tick.label}>
          <Box
            aria-hidden="true"
            sx={{
              position: 'absolute',
              top: -3,
              left: `calc(${tick.at}% - 1px)`,
              width: 3,
              height: 16,
              bgcolor: tick.color,
              borderRadius: 1,
            }}
          />
        </HoverTooltip>
      ))}
    </Box>
  );
}
