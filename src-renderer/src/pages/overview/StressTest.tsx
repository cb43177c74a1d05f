import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LoanView, PositionView, Snapshot } from '#api/snapshot';
import { toRpcError } from '../../api/rpc-failure';
import { Figure } from '../../components/Figure';
import { StatusChip } from '../../components/StatusChip';
import {
  formatLeverage,
  formatPct,
  formatSignedPct,
  formatUsd,
  formatUsdPerDay,
} from '../../format';
import { useCall } from '../../state/use-call';
import { formatCollateral } from '#shared/loan-text';

// A price shock per coin in use, sent to `scenario.run` once the slider rests for a
// moment. The service recomputes the whole farm at the shocked prices without storing
// anything; this card lists what that does to each position and each loan.

const SHOCK_LIMIT_PCT = 60;
const DEBOUNCE_MS = 200;
const AT_RISK_POSITION = new Set(['breached', 'danger']);
const AT_RISK_LOAN = new Set(['margin-call', 'liquidation']);

type Shocks = Record<string, number>;

function shockText(pct: number): string {
  return formatSignedPct(String(pct), 0);
}

/** The slider's own <input>: named for screen readers, and the stable test hook. */
function sliderInput(asset: string) {
  return { 'aria-label': `${asset} price shock`, 'data-testid': `stress-slider-${asset}` };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function summary(scenario: Snapshot): string {
  const positions = scenario.positions.filter((p) => AT_RISK_POSITION.has(p.status));
  const breached = positions.filter((p) => p.status === 'breached').length;
  const loans = scenario.loans.filter((l) => AT_RISK_LOAN.has(l.health));
  const liquidated = loans.filter((l) => l.health === 'liquidation').length;
  const positionPart =
    positions.length === 0
      ? 'no position reaches danger'
      : `${plural(positions.length, 'position reaches', 'positions reach')} danger or worse (${breached} breached)`;
  const loanPart =
    loans.length === 0
      ? 'no loan reaches margin call'
      : `${plural(loans.length, 'loan reaches', 'loans reach')} margin call or worse (${liquidated} at liquidation)`;
  return `At these prices ${positionPart}, and ${loanPart}.`;
}

/** The status in the scenario, after today's when the shock changes it. */
function StatusChange({ now, scenario }: { now: string | undefined; scenario: string }) {
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexShrink: 0 }}>
      {now !== undefined && now !== scenario && (
        <>
          <Typography variant="body2" color="text.secondary">
            now
          </Typography>
          <StatusChip status={now} />
          <Typography variant="body2" color="text.secondary" aria-label="becomes">
            →
          </Typography>
        </>
      )}
      <StatusChip status={scenario} />
    </Stack>
  );
}

function PositionOutcome({ position, now }: { position: PositionView; now: string | undefined }) {
  const noLiq =
    position.liquidationPrice === null && position.markPrice !== null
      ? 'No liquidation price: the margin covers any move.'
      : 'No price for this asset.';
  return (
    <Box data-testid={`stress-position-${position.id}`} sx={{ py: 0.75 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography sx={{ fontWeight: 600, flexGrow: 1 }}>
          {position.exchange} {position.symbol} {position.side} {formatLeverage(position.leverage)}
        </Typography>
        <StatusChange now={now} scenario={position.status} />
      </Stack>
      <Typography variant="body2" color="text.secondary" component="div">
        mark <Figure text={formatUsd(position.markPrice)} missing="No price for this asset." /> ·
        liquidation <Figure text={formatUsd(position.liquidationPrice)} missing={noLiq} /> ·{' '}
        <Figure text={formatPct(position.distanceToLiquidationPct)} missing={noLiq} /> to
        liquidation
      </Typography>
    </Box>
  );
}

function LoanOutcome({ loan, now }: { loan: LoanView; now: string | undefined }) {
  const noPrice = 'No price for the collateral asset.';
  return (
    <Box data-testid={`stress-loan-${loan.id}`} sx={{ py: 0.75 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography sx={{ fontWeight: 600, flexGrow: 1 }}>
          {loan.lender} · {formatUsd(loan.outstanding)} on {formatCollateral(loan.collateral)}
        </Typography>
        <StatusChange now={now} scenario={loan.health} />
      </Stack>
      <Typography variant="body2" color="text.secondary" component="div">
        {loan.triggerAsset ?? 'Collateral'} at{' '}
        <Figure text={formatUsd(loan.collateralPriceUsd)} missing={noPrice} /> · LTV{' '}
        <Figure text={formatPct(loan.ltvPct)} missing={noPrice} /> (margin call{' '}
        {formatPct(loan.marginCallLtvPct)}, liquidation {formatPct(loan.liquidationLtvPct)})
      </Typography>
    </Box>
  );
}

function ScenarioOutcome({ scenario, live }: { scenario: Snapshot; live: Snapshot }) {
  const statusNow = new Map(live.positions.map((p) => [p.id, p.status]));
  const healthNow = new Map(live.loans.map((l) => [l.id, l.health]));
  return (
    <>
      <Typography sx={{ mt: 1 }}>{summary(scenario)}</Typography>
      <Typography variant="body2" color="text.secondary">
        Farm profit at these prices{' '}
        <Figure
          text={formatUsdPerDay(scenario.farm.profitUsdPerDay)}
          missing="Needs a price and network difficulty for every mining coin."
        />{' '}
        (now{' '}
        <Figure
          text={formatUsdPerDay(live.farm.profitUsdPerDay)}
          missing="Needs a price and network difficulty for every mining coin."
        />
        )
      </Typography>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1.5 }}>
        Positions
      </Typography>
      {scenario.positions.length === 0 ? (
        <Typography color="text.secondary">No open positions.</Typography>
      ) : (
        scenario.positions.map((p) => (
          <PositionOutcome key={p.id} position={p} now={statusNow.get(p.id)} />
        ))
      )}
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1.5 }}>
        Loans
      </Typography>
      {scenario.loans.length === 0 ? (
        <Typography color="text.secondary">No loans recorded.</Typography>
      ) : (
        scenario.loans.map((l) => <LoanOutcome key={l.id} loan={l} now={healthNow.get(l.id)} />)
      )}
    </>
  );
}

export function StressTest({ snapshot }: { snapshot: Snapshot }) {
  const call = useCall();
  // Keyed by the list's text, so a new snapshot with the same coins re-runs nothing.
  const assetList = snapshot.assetsInUse
    .filter((asset) => snapshot.prices[asset] !== undefined)
    .join(',');
  const assets = useMemo(() => (assetList === '' ? [] : assetList.split(',')), [assetList]);
  const [shocks, setShocks] = useState<Shocks>({});
  const [outcome, setOutcome] = useState<{
    key: string;
    scenario: Snapshot | null;
    error: string | null;
  } | null>(null);
  const latest = useRef(0);

  const shocksPct = useMemo(() => {
    const pct: Record<string, string> = {};
    for (const asset of assets) {
      const value = shocks[asset] ?? 0;
      if (value !== 0) pct[asset] = String(value);
    }
    return pct;
  }, [assets, shocks]);
  const key = JSON.stringify(shocksPct);
  const shocked = Object.keys(shocksPct).length > 0;

  useEffect(() => {
    if (!shocked) return;
    const request = ++latest.current;
    const timer = setTimeout(() => {
      call('scenario.run', { shocksPct })
        .then((scenario) => {
          if (request === latest.current) setOutcome({ key, scenario, error: null });
        })
        .catch((cause: unknown) => {
          const failure = toRpcError(cause);
          console.error('RigLedger: scenario.run failed', failure);
          if (request === latest.current)
            setOutcome({ key, scenario: null, error: failure.message });
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [call, shocksPct, key, shocked]);

  const current = outcome?.key === key ? outcome : null;

  return (
    <Card data-testid="stress-test" sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            Stress test
          </Typography>
          <Chip size="small" variant="outlined" color="info" label="Scenario — nothing is stored" />
        </Stack>
        {assets.length === 0 ? (
          <Typography color="text.secondary">
            No priced coin in use yet: add a rig, a loan or a position, and a price.
          </Typography>
        ) : (
          <>
            {assets.map((asset) => {
              const value = shocks[asset] ?? 0;
              const price = current?.scenario?.prices[asset]?.usd ?? snapshot.prices[asset]?.usd;
              return (
                <Stack
                  key={asset}
                  direction="row"
                  spacing={2}
                  sx={{ alignItems: 'center' }}
                  data-testid={`stress-row-${asset}`}
                >
                  <Typography sx={{ fontWeight: 600, width: 48, flexShrink: 0 }}>
                    {asset}
                  </Typography>
                  <Slider
                    value={value}
                    min={-SHOCK_LIMIT_PCT}
                    max={SHOCK_LIMIT_PCT}
                    step={1}
                    shiftStep={10}
                    marks={[
                      { value: -60 },
                      { value: -30 },
                      { value: 0 },
                      { value: 30 },
                      { value: 60 },
                    ]}
                    track={false}
                    valueLabelDisplay="auto"
                    valueLabelFormat={shockText}
                    getAriaValueText={shockText}
                    onChange={(_event, next) =>
                      setShocks((prev) => ({
                        ...prev,
                        [asset]: typeof next === 'number' ? next : 0,
                      }))
                    }
                    slotProps={{ input: sliderInput(asset) }}
                    sx={{ flexGrow: 1 }}
                  />
                  <Typography
                    sx={{ width: 64, flexShrink: 0, textAlign: 'right', whiteSpace: 'nowrap' }}
                  >
                    {shockText(value)}
                  </Typography>
                  <Typography
                    sx={{
                      width: 112,
                      flexShrink: 0,
                      textAlign: 'right',
                      whiteSpace: 'nowrap',
                      fontVariantNumeric: 'tabular-nums',
                    }}
                    color={value === 0 ? 'text.secondary' : 'text.primary'}
                    data-testid={`stress-price-${asset}`}
                  >
                    {value !== 0 && current === null ? '…' : formatUsd(price)}
                  </Typography>
                </Stack>
              );
            })}
            <Button size="small" onClick={() => setShocks({})} disabled={!shocked} sx={{ mt: 0.5 }}>
              Reset shocks
            </Button>
            <Box data-testid="stress-result" aria-live="polite" sx={{ mt: 1 }}>
              {!shocked ? (
                <Typography color="text.secondary">
                  Move a slider to shock a price: RigLedger recomputes every position and loan at
                  the shocked prices.
                </Typography>
              ) : current === null ? (
                <LinearProgress aria-label="Running the scenario" />
              ) : current.scenario === null ? (
                <Alert severity="error">The scenario could not be run: {current.error}</Alert>
              ) : (
                <ScenarioOutcome scenario={current.scenario} live={snapshot} />
              )}
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
}
