import { HoverTooltip } from './HoverTooltip';
import { Bar, type BarTone } from './plain';

// A progress bar with labelled tick marks (margin-call and liquidation lines, say).
// Positions are 0–100 along the bar. A live figure: the bar moves with it at once rather
// than sliding after every price tick.

export interface Tick {
  at: number;
  label: string;
  tone: 'warning' | 'error';
}

export function ThresholdBar({
  value,
  color,
  ticks,
  label,
}: {
  value: number;
  color: Exclude<BarTone, 'primary'>;
  ticks: readonly Tick[];
  label: string;
}) {
  return (
    <div className="threshold">
      <Bar value={value} tone={color} size="thick" label={label} />
      {ticks.map((tick) => (
        <HoverTooltip key={tick.label} title={tick.label}>
          <span
            aria-hidden="true"
            className="threshold-tick"
            style={{
              left: `calc(${tick.at}% - 1px)`,
              backgroundColor: `var(--mui-palette-${tick.tone}-main)`,
            }}
          />
        </HoverTooltip>
      ))}
    </div>
  );
}
