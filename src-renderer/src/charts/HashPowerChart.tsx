import { memo, useCallback, useMemo } from 'react';
import { dec } from '#shared/decimal';
import { bestHashrateUnit, fromHs } from '#shared/units';
import { formatHashrate } from '../format';
import { useChartTheme } from './chart-theme';
import { toChartNumber } from './chart-number';
import { HistoryChart, type ChartSeries } from './HistoryChart';
import { DASHED } from './level-lines';
import type { TimeRange } from './time-range';

// One coin's hash power over time: what the rigs should do (nominal) against what they
// reported (live), drawn in the unit that suits the farm's nominal hash rate.

export const HashPowerChart = memo(function HashPowerChart({
  coin,
  nominalHs,
  range,
}: {
  coin: string;
  /** Today's nominal hash rate in H/s, which picks the axis unit. */
  nominalHs: string;
  range: TimeRange;
}) {
  const theme = useChartTheme();
  const unit = bestHashrateUnit(dec(nominalHs));
  const plot = useCallback(
    (value: string) => toChartNumber(fromHs(dec(value), unit).toFixed()),
    [unit],
  );
  const series = useMemo<ChartSeries[]>(
    () => [
      {
        name: `hashpower.${coin}.nominal`,
        label: 'Nominal',
        color: theme.textSecondary,
        dash: DASHED,
      },
      { name: `hashpower.${coin}.live`, label: 'Live', color: theme.primary },
    ],
    [coin, theme],
  );
  return (
    <HistoryChart
      testId={`chart-hashpower-${coin}`}
      title={`${coin} hash power`}
      subtitle="nominal vs live"
      series={series}
      range={range}
      yTitle={`Hash rate (${unit})`}
      plot={plot}
      formatValue={formatHashrate}
    />
  );
});
