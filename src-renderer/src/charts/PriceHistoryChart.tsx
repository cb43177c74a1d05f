import { memo, useMemo } from 'react';
import type { PositionView } from '#api/snapshot';
import { positionLabels } from '#shared/position-labels';
import { formatUsd } from '../format';
import { useChartTheme } from './chart-theme';
import { HistoryChart, type ChartLevel, type ChartSeries } from './HistoryChart';
import { DASHED, DOTTED } from './level-lines';
import type { TimeRange } from './time-range';

// An asset's price history with, for each open position on it, its liquidation price
// (red, dashed), its stop-loss (amber, dotted) and its take-profit (green, dotted) as the
// Snapshot has them now. Each position's lines carry a label no other position has.
// A price tick changes the positions' figures but seldom these lines: they are rebuilt
// only when what they read (the position's name, size, account and its three prices) does.

type LineInputs = [
  id: string,
  symbol: string,
  side: string,
  size: string,
  account: string,
  liquidation: string | null,
  stop: string | null,
  takeProfit: string | null,
];

/** What the lines of an asset's positions read, as text: equal text, equal lines. */
function lineInputsKey(positions: readonly PositionView[] | undefined, asset: string): string {
  const inputs: LineInputs[] = [];
  for (const p of positions ?? []) {
    if (p.baseAsset !== asset) continue;
    inputs.push([
      p.id,
      p.symbol,
      p.side,
      p.size,
      p.account,
      p.liquidationPrice,
      p.stopLoss ?? null,
      p.takeProfit ?? null,
    ]);
  }
  return JSON.stringify(inputs);
}

export const PriceHistoryChart = memo(function PriceHistoryChart({
  asset,
  range,
  positions,
}: {
  asset: string;
  range: TimeRange;
  positions: readonly PositionView[];
}) {
  const theme = useChartTheme();

  const series = useMemo<ChartSeries[]>(
    () => [{ name: `price.${asset}`, label: `${asset} price`, color: theme.primary }],
    [asset, theme],
  );

  const key = lineInputsKey(positions, asset);
  const levels = useMemo<ChartLevel[]>(() => {
    const onAsset = (JSON.parse(key) as LineInputs[]).map(
      ([id, symbol, side, size, account, liquidation, stop, takeProfit]) => ({
        id,
        symbol,
        side,
        size,
        account,
        liquidation,
        stop,
        takeProfit,
      }),
    );
    const names = positionLabels(onAsset);
    const lines: ChartLevel[] = [];
    for (const position of onAsset) {
      const name = names.get(position.id) ?? `${position.symbol} ${position.side}`;
      if (position.liquidation !== null) {
        lines.push({
          label: `${name} · liquidation`,
          value: position.liquidation,
          color: theme.error,
          dash: DASHED,
          caption: `${name}: liquidation ${formatUsd(position.liquidation)}`,
        });
      }
      if (position.stop !== null) {
        lines.push({
          label: `${name} · stop`,
          value: position.stop,
          color: theme.warning,
          dash: DOTTED,
          caption: `${name}: stop-loss ${formatUsd(position.stop)}`,
        });
      }
      if (position.takeProfit !== null) {
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
  }, [key, theme]);

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
});
