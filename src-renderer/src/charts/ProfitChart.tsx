import { memo, useMemo } from 'react';
import { formatUsdPerDay } from '../format';
import { useChartTheme } from './chart-theme';
import { HistoryChart, type ChartLevel, type ChartSeries } from './HistoryChart';
import { DOTTED } from './level-lines';
import type { TimeRange } from './time-range';

// The farm's profit per day over time, next to its revenue, with the break-even line.

export const ProfitChart = memo(function ProfitChart({ range }: { range: TimeRange }) {
  const theme = useChartTheme();
  const series = useMemo<ChartSeries[]>(
    () => [
      { name: 'farm.profitUsdPerDay', label: 'Profit', color: theme.success },
      { name: 'farm.revenueUsdPerDay', label: 'Revenue', color: theme.info, dash: [4, 3] },
    ],
    [theme],
  );
  const levels = useMemo<ChartLevel[]>(
    () => [
      {
        label: 'break-even',
        value: '0',
        color: theme.textSecondary,
        dash: DOTTED,
        caption: 'below the break-even line the farm loses money',
      },
    ],
    [theme],
  );
  return (
    <HistoryChart
      testId="chart-profit"
      title="Farm profit per day"
      subtitle="revenue after pool fees, minus power"
      series={series}
      levels={levels}
      range={range}
      yTitle="USD per day"
      formatValue={formatUsdPerDay}
    />
  );
});
