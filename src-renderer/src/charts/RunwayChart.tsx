import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { ChartData, ChartOptions, TooltipItem } from 'chart.js';
import { memo, useMemo } from 'react';
import { Line } from 'react-chartjs-2';
import type { Runway } from '#api/runway';
import { formatMonth } from '#shared/risk-text';
import { formatNumber, formatPct, formatUsd } from '../format';
import './chart-setup';
import { fromChartNumber, toChartNumber } from './chart-number';
import { useChartTheme } from './chart-theme';
import { useChartTurn } from './chart-turns';

// The runway month by month: revenue and net cash (after power, interest and principal)
// on the left axis, each loan's LTV at the month's end on the right. Months are plotted
// at their index; the tick labels name them. A farm with many loans gets the LTV lines of
// the few that climb highest (every loan is in the table beside the chart): two hundred
// lines say nothing a reader can follow, and redrawing them would hold the page.

/** At most this many loans get an LTV line. */
export const RUNWAY_LTV_LINES = 8;

/** The loans whose LTV climbs highest over the months, highest first, at most `n`. */
function highestLtvLoans(months: Runway['months'], n: number): string[] {
  const peak = new Map<string, number>();
  for (const month of months) {
    for (const loan of month.loans) {
      if (loan.ltvPct === null) continue;
      const value = toChartNumber(loan.ltvPct);
      if (value > (peak.get(loan.id) ?? Number.NEGATIVE_INFINITY)) peak.set(loan.id, value);
    }
  }
  const order = months[0]?.loans.map((l) => l.id) ?? [];
  return order
    .filter((id) => peak.has(id))
    .sort((a, b) => peak.get(b)! - peak.get(a)!)
    .slice(0, n);
}

type XY = { x: number; y: number };

export const RunwayChart = memo(function RunwayChart({
  runway,
  lenders,
}: {
  runway: Runway;
  lenders: Record<string, string>;
}) {
  const theme = useChartTheme();
  const turn = useChartTurn();
  const { data, options, linesFor, loanCount } = useMemo(() => {
    const months = runway.months;
    const at = (values: (m: Runway['months'][number]) => string | null): XY[] =>
      months.flatMap((m, i) => {
        const value = values(m);
        return value === null ? [] : [{ x: i, y: toChartNumber(value) }];
      });
    const loanCount = months[0]?.loans.length ?? 0;
    const loanIds = highestLtvLoans(months, RUNWAY_LTV_LINES);
    const loanColours = [theme.warning, theme.error, theme.secondary];
    const datasets: ChartData<'line', XY[]>['datasets'] = [
      {
        label: 'Revenue',
        data: at((m) => m.revenueUsd),
        borderColor: theme.info,
        backgroundColor: theme.info,
        yAxisID: 'y',
      },
      {
        label: 'Net cash',
        data: at((m) => m.netUsd),
        borderColor: theme.success,
        backgroundColor: theme.success,
        yAxisID: 'y',
      },
      ...loanIds.map((id, k) => ({
        label: `LTV ${lenders[id] ?? id}`,
        data: at((m) => m.loans.find((l) => l.id === id)?.ltvPct ?? null),
        borderColor: loanColours[k % loanColours.length]!,
        backgroundColor: loanColours[k % loanColours.length]!,
        borderDash: [2, 2],
        yAxisID: 'ltv',
      })),
    ].map((d) => ({ ...d, borderWidth: 2, pointRadius: 2.5, tension: 0 }));
    const font = { family: theme.fontFamily, size: 12 };
    const options: ChartOptions<'line'> = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: Math.max(0, months.length - 1),
          ticks: {
            color: theme.textSecondary,
            font,
            stepSize: 1,
            callback: (value) => {
              const month = months[Number(value)];
              return month ? formatMonth(month.month) : '';
            },
          },
          grid: { color: theme.grid },
        },
        y: {
          type: 'linear',
          position: 'left',
          title: { display: true, text: 'USD per month', color: theme.textSecondary, font },
          ticks: {
            color: theme.textSecondary,
            font,
            callback: (v) => formatNumber(fromChartNumber(Number(v)), 0),
          },
          grid: { color: theme.grid },
        },
        ltv: {
          type: 'linear',
          position: 'right',
          display: loanIds.length > 0,
          // From 0 %: a small drift in LTV should look small.
          min: 0,
          suggestedMax: 100,
          title: { display: true, text: 'LTV (%)', color: theme.textSecondary, font },
          ticks: { color: theme.textSecondary, font },
          grid: { drawOnChartArea: false },
        },
      },
      plugins: {
        legend: { labels: { color: theme.text, font, boxWidth: 14, boxHeight: 2 } },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => {
              const month = months[items[0]?.parsed.x ?? -1];
              return month ? formatMonth(month.month) : '';
            },
            label: (item: TooltipItem<'line'>) => {
              const value = fromChartNumber(item.parsed.y ?? Number.NaN);
              const text = item.dataset.yAxisID === 'ltv' ? formatPct(value) : formatUsd(value);
              return `${item.dataset.label ?? ''}: ${text}`;
            },
          },
        },
      },
    };
    return { data: { datasets }, options, linesFor: loanIds.length, loanCount };
  }, [runway, lenders, theme]);
  return (
    <>
      <Box sx={{ height: 260 }} data-testid="runway-chart">
        {turn ? (
          <Line
            data={data}
            options={options}
            aria-label="Runway chart: revenue, net cash and loan LTV by month"
            role="img"
          />
        ) : (
          <LinearProgress aria-label="Drawing the runway chart" />
        )}
      </Box>
      {loanCount > linesFor && (
        <Typography variant="caption" color="text.secondary" data-testid="runway-chart-note">
          LTV lines for the {linesFor} loans whose LTV climbs highest; all {loanCount} loans are in
          the table below.
        </Typography>
      )}
    </>
  );
});
