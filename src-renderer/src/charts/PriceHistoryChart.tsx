import { memo, useMemo } from 'react';
import type { PositionView } from '#api/snapshot';
import { positionLabels } from '#shared/position-labels';
import { worstPositions } from '#shared/worst-items';
import { formatUsd } from '../format';
import { useChartTheme } from './chart-theme';
import { HistoryChart, type ChartLevel, type ChartSeries } from './HistoryChart';
import { DASHED, DOTTED } from './level-lines';
import type { TimeRange } from './time-range';

// An asset's price history with, for each open position on it (the eight nearest
// liquidation, on a large book), its liquidation price (red, dashed), its stop-loss (amber,
// dotted) and its take-profit (green, dotted) as the Snapshot has them now. Each position's lines carry a label no other position has.
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

/**
 * The positions whose lines a chart draws: those nearest liquidation. A large book holds a
 * thousand positions on one asset; their lines would cover the chart, and chart.js takes
 * over 100 ms to lay out and draw them. The table has them all.
 */
export const MAX_POSITION_LINES = 8;

/** What the lines of an asset's positions read, as text: equal text, equal lines. */
function lineInputsKey(positions: readonly PositionView[]): string {
  const inputs: LineInputs[] = [];
  for (const p of positions) {
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

  const onAsset = useMemo(() => positions.filter((p) => p.baseAsset === asset), [positions, asset]);
  const drawn = useMemo(() => worstPositions(onAsset, MAX_POSITION_LINES), [onAsset]);
  const key = lineInputsKey(drawn);
  const levels = useMemo<ChartLevel[]>(() => {
    const lined = (JSON.parse(key) as LineInputs[]).map(
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
    const names = positionLabels(lined);
    const lines: ChartLevel[] = [];
    for (const position of lined) {
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
        levels.length === 0
          ? undefined
          : onAsset.length > drawn.length
            ? `with the liquidation, stop and take-profit of the ${drawn.length} positions nearest liquidation (of ${onAsset.length}; all are on the Positions page)`
            : 'with each open position’s liquidation, stop and take-profit'
      }
      series={series}
      levels={levels}
      range={range}
      yTitle={`Price (USD per ${asset})`}
      formatValue={formatUsd}
    />
  );
});
