import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { TIME_RANGE_KEYS, TIME_RANGES, type TimeRange } from './time-range';

/** 24 h / 7 d / 30 d / 1 y, for the charts next to it. */
export function RangePicker({
  range,
  onChange,
}: {
  range: TimeRange;
  onChange(next: TimeRange): void;
}) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={range}
      onChange={(_event, next: TimeRange | null) => {
        if (next !== null) onChange(next);
      }}
      aria-label="Chart time range"
    >
      {TIME_RANGE_KEYS.map((key) => (
        <ToggleButton key={key} value={key} sx={{ px: 1.5, textTransform: 'none' }}>
          {TIME_RANGES[key].label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
