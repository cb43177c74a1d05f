import { useMemo } from 'react';
import { formatUsd } from '../format';
import { useSnapshot } from '../state/snapshot-context';
import { useChartTheme } from './chart-theme';
import { HistoryChart, type ChartLevel, type ChartSeries } from './HistoryChart';
import { DASHED, DOTTED } from './level-lines';
import type { TimeRange } from './time-range';

// An asset's price history with, for each open position on it, its liquidation price
// (red, dashed) and its stop-loss (amber, dotted) as the Snapshot has them now.

export function PriceHistoryChart({ asset, range }: { asset: string; range: TimeRange }) {
  const snapshot = useSnapshot();
  const theme = useChartTheme();
  const positions = snapshot?.positions;

  const series = useMemo<ChartSeries[]>(
    () => [{ name: `price.${asset}`, label: `${asset} price`, color: theme.primary }],
    [asset, theme],
  );

  const levels = useMemo<ChartLevel[]>(() => {
    const lines: ChartLevel[] = [];
    for (const position of positions ?? []) {
      if (position.baseAsset !== asset) continue;
      const name = `${position.symbol} ${position.side}`;
      if (position.liquidationPrice !== null) {
        lines.push({
          label: `${name} · liquidation`,
          value: position.liquidationPrice,
          color: theme.error,
          dash: DASHED,
          caption: `${name}: liquidation ${formatUsd(position.liquidationPrice)}`,
        });
      }
      if (position.stopLoss !== undefined) {
        lines.push({
          label: `${name} · stop`,
          value: position.stopLoss,
          color: theme.warning,
          dash: DOTTED,
          caption: `${name}: stop-loss ${formatUsd(position.stopLoss)}`,
        });
      }
    }
    return lines;
  }, [positions, asset, theme]);

  return (
    <HistoryChart
      testId={`chart-price-${asset}`}
      title={`${asset} price`}
      subtitle={levels.length > 0 ? 'with each open position’s liquidation and stop' : undefined}
      series={series}
      levels={levels}
      range={range}
      yTitle={`Price (USD per ${asset})`}
      formatValue={formatUsd}
    />
  );
}
