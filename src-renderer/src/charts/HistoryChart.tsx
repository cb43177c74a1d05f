import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Button from '@mui/material/Button';
import { styled } from '@mui/material/styles';
import type { ChartData } from 'chart.js';
import { useMemo, useRef, useState, type ComponentProps } from 'react';
import { Line } from 'react-chartjs-2';
import { useNearView } from '../components/Deferred';
import './chart-setup';
import { toChartNumber } from './chart-number';
import { useChartTurn } from './chart-turns';
import { chartOptions } from './chart-options';
import { useChartTheme } from './chart-theme';
import { ChartTable } from './ChartTable';
import { levelLinesPlugin, type Level } from './level-lines';
import { TIME_RANGES, type TimeRange } from './time-range';
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

// The reference lines said in words under the chart: a book may put hundreds on one price
// chart, so they are plain list items styled by one class, not a component each.
const LevelCaptions = styled('ul')(({ theme }) => ({
  display: 'flex',
  flexWrap: 'wrap',
  columnGap: theme.spacing(2),
  rowGap: theme.spacing(0.5),
  margin: `${theme.spacing(1)} 0 0`,
  padding: 0,
  listStyle: 'none',
  '& > li': {
    ...theme.typography.caption,
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    color: (theme.vars ?? theme).palette.text.secondary,
  },
  '& .swatch': { width: 18, borderTop: '2px dashed' },
  '& .swatch.dotted': { borderTopStyle: 'dotted' },
}));
// Above this many points a line is drawn without dots.
const DOTS_UP_TO = 40;

function toXY(points: HistoryPoints, plot: (value: string) => number): XY[] {
  return points.map(([iso, value]) => ({ x: Date.parse(iso), y: plot(value) }));
}

function HistoryChartShown({
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
  const turn = useChartTurn();
  const [asTable, setAsTable] = useState(false);
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
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {title}
          </Typography>
          {/* The same figures as a table: readable without seeing the line. */}
          <Button
            size="small"
            aria-pressed={asTable}
            aria-label={`${asTable ? 'Show as chart' : 'Show as table'}: ${title}`}
            onClick={() => setAsTable(!asTable)}
            sx={{ flexShrink: 0, ml: 1 }}
          >
            {asTable ? 'Show as chart' : 'Show as table'}
          </Button>
        </Stack>
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
          ) : asTable ? (
            <ChartTable
              title={title}
              series={shown}
              points={loaded}
              formatValue={formatValue}
              height={PLOT_HEIGHT}
            />
          ) : turn ? (
            <Line
              data={data}
              options={options}
              plugins={[levelLinesPlugin]}
              role="img"
              aria-label={description}
            />
          ) : (
            <LinearProgress aria-label={`Drawing ${title}`} />
          )}
        </Box>
        {levels.length > 0 && (
          <LevelCaptions>
            {levels.map((level) => (
              <li key={`${level.label}-${level.caption}`}>
                <span
                  aria-hidden="true"
                  className={
                    level.dash[0] !== undefined && level.dash[0] < 4 ? 'swatch dotted' : 'swatch'
                  }
                  style={{ borderColor: level.color }}
                />
                {level.caption}
              </li>
            ))}
          </LevelCaptions>
        )}
      </CardContent>
    </Card>
  );
}

// The card as it stands until it comes near the view: its title and its room, one styled
// element, as a farm may have two hundred of them.
const CardUntilNear = styled(Card)(({ theme }) => ({
  height: '100%',
  padding: theme.spacing(2),
  minHeight: PLOT_HEIGHT + 80,
  '& > h3': { ...theme.typography.subtitle1, fontWeight: 600, margin: 0 },
  '& > p': {
    ...theme.typography.body2,
    color: (theme.vars ?? theme).palette.text.secondary,
    margin: 0,
  },
}));

/**
 * The chart's card. With `whenVisible` (one chart of many, like a loan's LTV), its history is
 * asked for and drawn only once the card comes near the view; until then the card holds
 * its title and its room.
 */
export function HistoryChart({
  whenVisible = false,
  ...props
}: ComponentProps<typeof HistoryChartShown> & { whenVisible?: boolean }) {
  const card = useRef<HTMLDivElement | null>(null);
  const near = useNearView(card, { visibleOnly: true });
  if (!whenVisible || near) return <HistoryChartShown {...props} />;
  return (
    <CardUntilNear data-testid={props.testId} ref={card}>
      <h3>{props.title}</h3>
      {props.subtitle && <p>{props.subtitle}</p>}
    </CardUntilNear>
  );
}
