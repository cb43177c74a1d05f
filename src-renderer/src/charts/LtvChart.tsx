import { memo, useMemo } from 'react';
import type { LoanView } from '#api/snapshot';
import { formatPct, formatUsd } from '../format';
import { useChartTheme } from './chart-theme';
import { HistoryChart, type ChartLevel, type ChartSeries } from './HistoryChart';
import { DASHED } from './level-lines';
import type { TimeRange } from './time-range';
import { formatCollateral } from '#shared/loan-text';

// One loan's LTV over time against its margin-call (amber) and liquidation (red) LTV.
// Drawn once it comes near the view; a price tick that moves the loan's LTV re-renders
// nothing here (the chart shows history), only a change of what the card says does.

function LtvChartOf({ loan, range }: { loan: LoanView; range: TimeRange }) {
  const theme = useChartTheme();
  const series = useMemo<ChartSeries[]>(
    () => [{ name: `loan.${loan.id}.ltvPct`, label: 'LTV', color: theme.primary }],
    [loan.id, theme],
  );
  const levels = useMemo<ChartLevel[]>(
    () => [
      {
        label: 'margin call',
        value: loan.marginCallLtvPct,
        color: theme.warning,
        dash: DASHED,
        caption: `margin call at ${formatPct(loan.marginCallLtvPct)} LTV`,
      },
      {
        label: 'liquidation',
        value: loan.liquidationLtvPct,
        color: theme.error,
        dash: DASHED,
        caption: `liquidation at ${formatPct(loan.liquidationLtvPct)} LTV`,
      },
    ],
    [loan.marginCallLtvPct, loan.liquidationLtvPct, theme],
  );
  return (
    <HistoryChart
      testId={`chart-ltv-${loan.id}`}
      title={`${loan.lender} LTV`}
      subtitle={`${formatUsd(loan.outstanding)} on ${formatCollateral(loan.collateral)}`}
      series={series}
      levels={levels}
      range={range}
      yTitle="LTV (%)"
      formatValue={formatPct}
      whenVisible
    />
  );
}

const sameCard = (a: LoanView, b: LoanView) =>
  a === b ||
  (a.id === b.id &&
    a.lender === b.lender &&
    a.outstanding === b.outstanding &&
    a.collateral === b.collateral &&
    a.marginCallLtvPct === b.marginCallLtvPct &&
    a.liquidationLtvPct === b.liquidationLtvPct);

export const LtvChart = memo(
  LtvChartOf,
  (before, after) => before.range === after.range && sameCard(before.loan, after.loan),
);
