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
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
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

function RunwayTable({ runway, lenders }: { runway: Runway; lenders: Record<string, string> }) {
  const loanIds = runway.months[0]?.loans.map((l) => l.id) ?? [];
  return (
    // A scrolling region must be reachable by keyboard to be read.
    <TableContainer
      sx={{ maxHeight: 420 }}
      tabIndex={0}
      role="region"
      aria-label="Runway by month, scrollable"
    >
      <Table size="small" stickyHeader aria-label="Runway by month" data-testid="runway-table">
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
            <TableRow key={m.month}>
              <TableCell>
                {formatMonth(m.month)}
                {m.halving && ' · halving'}
                {m.retargets > 0 && ` · ${m.retargets} retarget${m.retargets > 1 ? 's' : ''}`}
              </TableCell>
              <TableCell align="right">{formatCoin(m.btcProduced, 'BTC', 4)}</TableCell>
              <TableCell align="right">{formatUsd(m.revenueUsd)}</TableCell>
              <TableCell align="right">{formatUsd(m.powerCostUsd)}</TableCell>
              <TableCell align="right">{formatUsd(m.interestUsd)}</TableCell>
              <TableCell align="right">{formatUsd(m.principalDueUsd)}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }}>
                {formatUsd(m.netUsd)}
              </TableCell>
              {m.loans.map((l) => (
                <TableCell key={l.id} align="right">
                  {formatPct(l.ltvPct)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

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
  useEffect(() => {
    let current = true;
    call('runway.get', { months: 12, pricePathPctPerMonth: pricePath }).then(
      (result) => {
        if (!current) return;
        setRunway(result);
        setError(null);
      },
      (failure: { message: string }) => {
        if (!current) return;
        setRunway(null);
        setError(failure.message);
      },
    );
    return () => {
      current = false;
    };
  }, [call, pricePath, btc, network?.difficulty, network?.height, loanKey, powerCost]);
  const lenders = useMemo(
    () => Object.fromEntries(snapshot.loans.map((l) => [l.id, l.lender])),
    [snapshot.loans],
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
