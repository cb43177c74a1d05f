import type { ChartOptions, TooltipItem } from 'chart.js';
import { formatDateTime, formatNumber } from '../format';
import { fromChartNumber } from './chart-number';
import type { ChartTheme } from './chart-theme';
import type { Level } from './level-lines';
import { TIME_RANGES, timeTickLabel, timeTicks, type TimeRange } from './time-range';
import type { HistoryPoints } from './use-history';
import type { ChartSeries } from './HistoryChart';

// The options of a history chart: a time axis over the range, a value axis that keeps the
// reference lines in view, and tooltips that show the stored decimals through format.ts.

export function chartOptions(params: {
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
