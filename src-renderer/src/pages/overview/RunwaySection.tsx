import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { styled } from '@mui/material/styles';
import { lazy, memo, startTransition, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Runway } from '#api/runway';
import type { Snapshot } from '#api/snapshot';
import { formatMonth } from '#shared/risk-text';
import { formatCoin, formatPct, formatUsd } from '../../format';
import { useCall } from '../../state/use-call';
import { RiskOutlook } from './RiskOutlook';

// The outlook on the Overview: the odds and runway sentences, then the runway month by
// month (runway.get) at a price path the operator picks, as a chart and a table.

const RunwayChart = lazy(async () => ({
  default: (await import('../../charts/RunwayChart')).RunwayChart,
}));

const PRICE_PATHS = ['-5', '-2', '0', '2', '5'];
/** The least time between two runway questions while the inputs keep changing. */
const RUNWAY_EVERY_MS = 3_000;

// A farm with two hundred loans has two hundred LTV columns: the body's cells are plain
// cells styled by the table's one class, not a component each.
const FigureTable = styled(Table)(({ theme }) => ({
  '& tbody td': {
    ...theme.typography.body2,
    padding: '6px 12px',
    borderBottom: `1px solid ${(theme.vars ?? theme).palette.divider}`,
    textAlign: 'right',
    whiteSpace: 'nowrap',
  },
  '& thead th': { padding: '6px 12px' },
  '& tbody td:first-of-type': { textAlign: 'left', whiteSpace: 'normal' },
  '& tbody td.total': { fontWeight: 600 },
}));

type RunwayMonth = Runway['months'][number];

const MONTH_COLUMN_PX = 200;
const FIGURE_COLUMN_PX = 136;

// A row per month, each its own unit of work: a new runway redraws the table a row at a
// time, giving way in between, and a month whose figures did not change is not redrawn.
const RunwayRow = memo(
  function RunwayRow({ month: m }: { month: RunwayMonth }) {
    return (
      <tr>
        <td>
          {formatMonth(m.month)}
          {m.halving && ' · halving'}
          {m.retargets > 0 && ` · ${m.retargets} retarget${m.retargets > 1 ? 's' : ''}`}
        </td>
        <td>{formatCoin(m.btcProduced, 'BTC', 4)}</td>
        <td>{formatUsd(m.revenueUsd)}</td>
        <td>{formatUsd(m.powerCostUsd)}</td>
        <td>{formatUsd(m.interestUsd)}</td>
        <td>{formatUsd(m.principalDueUsd)}</td>
        <td className="total">{formatUsd(m.netUsd)}</td>
        {m.loans.map((l) => (
          <td key={l.id}>{formatPct(l.ltvPct)}</td>
        ))}
      </tr>
    );
  },
  (a, b) => a.month === b.month || JSON.stringify(a.month) === JSON.stringify(b.month),
);

const RunwayTable = memo(function RunwayTable({
  runway,
  lenders,
}: {
  runway: Runway;
  lenders: Record<string, string>;
}) {
  const loanIds = runway.months[0]?.loans.map((l) => l.id) ?? [];
  return (
    // A scrolling region must be reachable by keyboard to be read.
    <TableContainer
      sx={{ maxHeight: 420 }}
      tabIndex={0}
      role="region"
      aria-label="Runway by month, scrollable"
    >
      <FigureTable
        size="small"
        stickyHeader
        aria-label="Runway by month"
        data-testid="runway-table"
        // Columns of set widths: the browser places 2,400 cells without measuring each
        // one's text first (an automatic layout of this table took 60-120 ms per redraw).
        style={{
          tableLayout: 'fixed',
          width: MONTH_COLUMN_PX + FIGURE_COLUMN_PX * (6 + loanIds.length),
        }}
      >
        <colgroup>
          <col style={{ width: MONTH_COLUMN_PX }} />
          {Array.from({ length: 6 + loanIds.length }, (_, i) => (
            <col key={i} style={{ width: FIGURE_COLUMN_PX }} />
          ))}
        </colgroup>
        <TableHead>
          <TableRow>
            <TableCell>Month</TableCell>
            <TableCell align="right">BTC found</TableCell>
            <TableCell align="right">Revenue</TableCell>
            <TableCell align="right">Power</TableCell>
            <TableCell align="right">Interest</TableCell>
            <TableCell align="right">Principal</TableCell>
            <TableCell align="right">Net cash</TableCell>
            {loanIds.map((id) => (
              <TableCell key={id} align="right">
                LTV {lenders[id] ?? id}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {runway.months.map((m) => (
            <RunwayRow key={m.month} month={m} />
          ))}
        </TableBody>
      </FigureTable>
    </TableContainer>
  );
});

export function RunwaySection({ snapshot }: { snapshot: Snapshot }) {
  const call = useCall();
  const [pricePath, setPricePath] = useState('0');
  const [runway, setRunway] = useState<Runway | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Asked again when what it starts from changes: the BTC price, the chain or the loans.
  const btc = snapshot.prices.BTC?.usd;
  const network = snapshot.network.BTC;
  const loanKey = snapshot.loans.map((l) => `${l.id}:${l.outstanding}`).join(',');
  const powerCost = snapshot.farm.powerCostUsdPerDay;
  // A price that changes twice a second asks for the runway at most every few seconds,
  // the latest inputs each time; another price path is asked for at once. An answer is
  // shown unless a newer one already is or the path changed since.
  const asked = useRef({ at: 0, path: '', request: 0, shown: 0 });
  useEffect(() => {
    const last = asked.current;
    const wait = last.path === pricePath ? Math.max(0, last.at + RUNWAY_EVERY_MS - Date.now()) : 0;
    const timer = setTimeout(() => {
      const request = ++last.request;
      last.at = Date.now();
      last.path = pricePath;
      const stillWanted = () => alive.current && request > last.shown && last.path === pricePath;
      call('runway.get', { months: 12, pricePathPctPerMonth: pricePath }).then(
        (result) => {
          if (!stillWanted()) return;
          last.shown = request;
          // A new runway redraws a wide table: in a render that gives way to anything urgent.
          startTransition(() => {
            setRunway(result);
            setError(null);
          });
        },
        (failure: { message: string }) => {
          if (!stillWanted()) return;
          last.shown = request;
          setRunway(null);
          setError(failure.message);
        },
      );
    }, wait);
    return () => clearTimeout(timer);
  }, [call, pricePath, btc, network?.difficulty, network?.height, loanKey, powerCost]);
  const alive = useRef(false);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  // A tick changes the loans' figures, not their lenders: the table keeps its columns.
  const lenderKey = JSON.stringify(snapshot.loans.map((l) => [l.id, l.lender]));
  const lenders = useMemo(
    () => Object.fromEntries(JSON.parse(lenderKey) as [string, string][]) as Record<string, string>,
    [lenderKey],
  );
  return (
    <section aria-labelledby="outlook-heading">
      <Typography id="outlook-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        Outlook
      </Typography>
      <Stack spacing={2}>
        <RiskOutlook snapshot={snapshot} runway={runway} runwayError={error} />
        {runway && (
          <Card data-testid="runway-card">
            <CardContent>
              <Stack spacing={2}>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography variant="subtitle1" component="h3">
                    Runway, 12 months
                  </Typography>
                  <ToggleButtonGroup
                    size="small"
                    exclusive
                    value={pricePath}
                    aria-label="Price path"
                    onChange={(_, value: string | null) => value !== null && setPricePath(value)}
                  >
                    {PRICE_PATHS.map((p) => (
                      <ToggleButton key={p} value={p}>
                        {p === '0' ? 'flat' : `${p.startsWith('-') ? '' : '+'}${p} %/mo`}
                      </ToggleButton>
                    ))}
                  </ToggleButtonGroup>
                </Stack>
                <Suspense fallback={<LinearProgress aria-label="Loading the runway chart" />}>
                  <RunwayChart runway={runway} lenders={lenders} />
                </Suspense>
                <RunwayTable runway={runway} lenders={lenders} />
              </Stack>
            </CardContent>
          </Card>
        )}
      </Stack>
    </section>
  );
}
