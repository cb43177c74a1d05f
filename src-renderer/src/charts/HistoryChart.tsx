import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ChartData, ChartOptions, TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { Line } from 'react-chartjs-2';
import { formatDateTime, formatNumber } from '../format';
import './chart-setup';
import { fromChartNumber, toChartNumber } from './chart-number';
import { useChartTheme, type ChartTheme } from './chart-theme';
import { levelLinesPlugin, type Level } from './level-lines';
import { TIME_RANGES, timeTickLabel, timeTicks, type TimeRange } from './time-range';
import { useHistory, type HistoryPoints } from './use-history';

// One history chart in a card: named series from history.json over a time range, plus
// labelled reference lines. Tooltips show the stored decimal strings through format.ts;
// the plotted numbers are only for drawing.

export const NO_HISTORY =
  'No history yet: RigLedger records a point each time the prices are polled.';

export interface ChartSeries {
  /** The history series name, e.g. "price.BTC". */
  name: string;
  label: string;
  color: string;
  dash?: number[];
}

/** A reference line at a decimal value from the Snapshot, in the chart's units. */
export interface ChartLevel {
  label: string;
  value: string;
  color: string;
  dash: number[];
  /** Said in words under the chart, e.g. "liquidation $54,221.11". */
  caption: string;
}

type XY = { x: number; y: number };

const PLOT_HEIGHT = 240;
// Above this many points a line is drawn without dots.
const DOTS_UP_TO = 40;

function toXY(points: HistoryPoints, plot: (value: string) => number): XY[] {
  return points.map(([iso, value]) => ({ x: Date.parse(iso), y: plot(value) }));
}

function chartOptions(params: {
  theme: ChartTheme;
  range: TimeRange;
  from: number;
  to: number;
  yTitle: string;
  levels: Level[];
  series: Record<string, HistoryPoints>;
  shown: readonly ChartSeries[];
  formatValue(value: string): string;
}): ChartOptions<'line'> {
  const { theme, range, from, to, yTitle, levels, series, shown, formatValue } = params;
  const font = { family: theme.fontFamily, size: 12 };
  const levelValues = levels.map((level) => level.value);
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    scales: {
      x: {
        type: 'linear',
        min: from,
        max: to,
        title: {
          display: true,
          text: TIME_RANGES[range].axisTitle,
          color: theme.textSecondary,
          font,
        },
        ticks: {
          color: theme.textSecondary,
          font,
          maxRotation: 0,
          autoSkipPadding: 16,
          callback: (value) => timeTickLabel(Number(value), range),
        },
        afterBuildTicks: (axis) => {
          axis.ticks = timeTicks(axis.min, axis.max, range).map((value) => ({ value }));
        },
        grid: { color: theme.grid },
        border: { color: theme.grid },
      },
      y: {
        type: 'linear',
        grace: '5%',
        suggestedMin: levelValues.length > 0 ? Math.min(...levelValues) : undefined,
        suggestedMax: levelValues.length > 0 ? Math.max(...levelValues) : undefined,
        title: { display: true, text: yTitle, color: theme.textSecondary, font },
        ticks: {
          color: theme.textSecondary,
          font,
          callback: (value) => formatNumber(fromChartNumber(Number(value)), 4),
        },
        grid: { color: theme.grid },
        border: { color: theme.grid },
      },
    },
    plugins: {
      legend: {
        display: shown.length > 1,
        labels: { color: theme.text, font, boxWidth: 14, boxHeight: 2 },
      },
      tooltip: {
        callbacks: {
          title: (items: TooltipItem<'line'>[]) => {
            const first = items[0];
            const name = first ? shown[first.datasetIndex]?.name : undefined;
            const point = name && first ? series[name]?.[first.dataIndex] : undefined;
            return point ? formatDateTime(point[0]) : '';
          },
          label: (item: TooltipItem<'line'>) => {
            const line = shown[item.datasetIndex];
            const point = line ? series[line.name]?.[item.dataIndex] : undefined;
            return line && point ? `${line.label}: ${formatValue(point[1])}` : '';
          },
        },
      },
      levelLines: {
        levels,
        font: `600 11px ${theme.fontFamily}`,
        background: theme.paper,
      },
    },
  };
}

export function HistoryChart({
  testId,
  title,
  subtitle,
  series: shown,
  levels = [],
  range,
  yTitle,
  plot = toChartNumber,
  formatValue,
  emptyText = NO_HISTORY,
}: {
  testId: string;
  title: string;
  subtitle?: string;
  series: readonly ChartSeries[];
  levels?: readonly ChartLevel[];
  range: TimeRange;
  /** The y axis title with its unit, e.g. "Price (USD per BTC)". */
  yTitle: string;
  /** A stored value in the axis units (default: the value itself). */
  plot?(value: string): number;
  /** A stored value as text with its unit, for tooltips. */
  formatValue(value: string): string;
  emptyText?: string;
}) {
  const theme = useChartTheme();
  const names = useMemo(() => shown.map((s) => s.name), [shown]);
  const history = useHistory(names, range);
  const loaded = history.series;

  const plottedLevels = useMemo(
    () =>
      levels.map((level): Level => ({
        label: level.label,
        value: plot(level.value),
        color: level.color,
        dash: level.dash,
      })),
    [levels, plot],
  );

  const data = useMemo<ChartData<'line', XY[]>>(
    () => ({
      datasets: shown.map((line) => {
        const points = loaded?.[line.name] ?? [];
        return {
          label: line.label,
          data: toXY(points, plot),
          borderColor: line.color,
          backgroundColor: line.color,
          borderDash: line.dash,
          borderWidth: 2,
          pointRadius: points.length <= DOTS_UP_TO ? 2.5 : 0,
          pointHoverRadius: 4,
          tension: 0,
          spanGaps: true,
        };
      }),
    }),
    [shown, loaded, plot],
  );

  const options = useMemo(
    () =>
      chartOptions({
        theme,
        range,
        from: history.from,
        to: history.to,
        yTitle,
        levels: plottedLevels,
        series: loaded ?? {},
        shown,
        formatValue,
      }),
    [theme, range, history.from, history.to, yTitle, plottedLevels, loaded, shown, formatValue],
  );

  const empty = loaded !== null && shown.every((line) => (loaded[line.name] ?? []).length === 0);
  const description = `${title}, ${TIME_RANGES[range].label}: ${shown.map((s) => s.label).join(', ')}`;

  return (
    <Card data-testid={testId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary">
            {subtitle}
          </Typography>
        )}
        <Box sx={{ position: 'relative', height: PLOT_HEIGHT, mt: 1 }}>
          {history.error ? (
            <Alert severity="error">Could not load the history: {history.error}</Alert>
          ) : loaded === null ? (
            <LinearProgress aria-label={`Loading ${title}`} />
          ) : empty ? (
            <Stack sx={{ height: '100%', justifyContent: 'center', alignItems: 'center', px: 2 }}>
              <Typography color="text.secondary" sx={{ textAlign: 'center' }}>
                {emptyText}
              </Typography>
            </Stack>
          ) : (
            <Line
              data={data}
              options={options}
              plugins={[levelLinesPlugin]}
              role="img"
              aria-label={description}
            />
          )}
        </Box>
        {levels.length > 0 && (
          <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 2, rowGap: 0.5, mt: 1 }}>
            {levels.map((level) => (
              <Stack
                key={`${level.label}-${level.caption}`}
                direction="row"
                spacing={0.75}
                sx={{ alignItems: 'center' }}
              >
                <Box
                  aria-hidden="true"
                  sx={{
                    width: 18,
                    borderTop: `2px ${level.dash[0] !== undefined && level.dash[0] < 4 ? 'dotted' : 'dashed'}`,
                    borderColor: level.color,
                  }}
                />
                <Typography variant="caption" color="text.secondary">
                  {level.caption}
                </Typography>
              </Stack>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
