import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Collapse from '@mui/material/Collapse';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { Runway } from '#api/runway';
import type { Snapshot } from '#api/snapshot';
import {
  difficultySourceText,
  liquidationOddsSentence,
  marginCallOddsSentence,
  runwaySentence,
  volatilityText,
} from '#shared/risk-text';
import {
  formatCoin,
  formatDate,
  formatDateTime,
  formatNumber,
  formatSignedPct,
  formatUsd,
  formatUsdPerDay,
} from '../../format';

// The Overview's outlook: the week's worst odds of a margin call and of a liquidation, and
// when the runway ends, one sentence each; the assumptions behind them one click away.

function volatilityLines(loans: Snapshot['loans'], positions: Snapshot['positions']): string[] {
  // The last record of each asset says it; its words are written once per asset.
  const byAsset = new Map<string, Parameters<typeof volatilityText>[0]>();
  for (const loan of loans)
    if (loan.odds && loan.triggerAsset) byAsset.set(loan.triggerAsset, loan.odds);
  for (const p of positions) if (p.odds) byAsset.set(p.baseAsset, p.odds);
  return [...byAsset].map(([asset, odds]) => `${asset}: ${volatilityText(odds)}.`);
}

function runwayLines(runway: Runway): string[] {
  const a = runway.assumptions;
  return [
    `Difficulty ${formatNumber(a.difficulty, 0)}, changing ${formatSignedPct(a.difficultyPerRetargetPct)} per retarget: ${difficultySourceText(a.source)}.`,
    `Next difficulty adjustment at block ${formatNumber(String(a.nextRetarget.height), 0)}, about ${formatDateTime(a.nextRetarget.date)}, estimated ${formatSignedPct(a.nextRetarget.estimatedChangePct)}.`,
    `Halving at block ${formatNumber(String(a.halvingHeight), 0)}: ${formatNumber(String(a.blocksToHalving), 0)} blocks (about ${formatNumber(a.daysToHalving, 0)} days) from height ${formatNumber(String(a.height), 0)} at one block per ${a.blockTimeSec / 60} minutes, ${formatDate(a.halvingDate)}.`,
    `BTC at ${formatUsd(a.btcPriceUsd)}, ${formatSignedPct(a.pricePathPctPerMonth)} a month; fees ${formatCoin(a.feesPerBlockBtc, 'BTC')} per block held at the recent average.`,
    `The running rigs find ${formatCoin(a.btcPerDay, 'BTC')} a day now; power ${formatUsdPerDay(a.powerCostUsdPerDay)}; other coins ${formatUsdPerDay(a.otherCoinsRevenueUsdPerDay)}, moved with the price only.`,
    'Interest and principal as each loan’s schedule bills them, paid on their dates.',
  ];
}

export function RiskOutlook({
  snapshot,
  runway,
  runwayError,
}: {
  snapshot: Snapshot;
  runway: Runway | null;
  runwayError: string | null;
}) {
  const [open, setOpen] = useState(false);
  const { loans, positions } = snapshot;
  const marginCall = useMemo(() => marginCallOddsSentence(loans), [loans]);
  const liquidation = useMemo(() => liquidationOddsSentence(loans, positions), [loans, positions]);
  const volatility = useMemo(() => volatilityLines(loans, positions), [loans, positions]);
  return (
    <Card data-testid="risk-outlook">
      <CardContent>
        <Stack spacing={1}>
          {marginCall && <Typography data-testid="odds-margin-call">{marginCall}</Typography>}
          {liquidation && <Typography data-testid="odds-liquidation">{liquidation}</Typography>}
          {runway && (
            <Typography data-testid="runway-sentence">{runwaySentence(runway)}</Typography>
          )}
          {runwayError && <Alert severity="info">{runwayError}</Alert>}
          <Button
            size="small"
            sx={{ alignSelf: 'flex-start' }}
            aria-expanded={open}
            aria-controls="risk-assumptions"
            onClick={() => setOpen((was) => !was)}
          >
            {open ? 'Hide the assumptions' : 'Show the assumptions'}
          </Button>
          <Collapse in={open} id="risk-assumptions">
            <Typography
              variant="body2"
              component="ul"
              sx={{ m: 0, pl: 2.5 }}
              data-testid="risk-assumptions"
            >
              <li>
                Odds: the price moves as a random walk with no drift (geometric Brownian motion);
                the chance it touches a trigger price within 7 days, from the closed-form
                first-passage formula. A loan’s trigger uses the debt at the week’s end.
              </li>
              {volatility.map((line) => (
                <li key={line}>{line}</li>
              ))}
              {runway && runwayLines(runway).map((line) => <li key={line}>{line}</li>)}
            </Typography>
          </Collapse>
        </Stack>
      </CardContent>
    </Card>
  );
}
