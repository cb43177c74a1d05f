import { useMemo } from 'react';
import { positionLabels } from '#shared/position-labels';
import { formatUsd } from '../format';
import { useSnapshot } from '../state/snapshot-context';
import { useChartTheme } from './chart-theme';
import { HistoryChart, type ChartLevel, type ChartSeries } from './HistoryChart';
import { DASHED, DOTTED } from './level-lines';
import type { TimeRange } from './time-range';

// An asset's price history with, for each open position on it, its liquidation price
// (red, dashed), its stop-loss (amber, dotted) and its take-profit (green, dotted) as the
// Snapshot has them now. Each position's lines carry a label no other position has.

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
    const onAsset = (positions ?? []).filter((p) => p.baseAsset === asset);
    const names = positionLabels(onAsset);
    for (const position of onAsset) {
      const name = names.get(position.id) ?? `${position.symbol} ${position.side}`;
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
      if (position.takeProfit !== undefined) {
        lines.push({
          label: `${name} · take profit`,
          value: position.takeProfit,
          color: theme.success,
          dash: DOTTED,
          caption: `${name}: take-profit ${formatUsd(position.takeProfit)}`,
        });
      }
    }
    return lines;
  }, [positions, asset, theme]);

  return (
    <HistoryChart
      testId={`chart-price-${asset}`}
      title={`${asset} price`}
      subtitle={
        levels.length > 0
          ? 'with each open position’s liquidation, stop and take-profit'
          : undefined
      }
      series={series}
      levels={levels}
      range={range}
      yTitle={`Price (USD per ${asset})`}
      formatValue={formatUsd}
    />
  );
}
