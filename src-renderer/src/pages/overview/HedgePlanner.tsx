import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState, type ReactNode } from 'react';
import { hedgePlanSchema, type ResultOf } from '#api/methods';
import type { Snapshot } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { options, type FieldSpec, type FormValues } from '../../forms/field-spec';
import { FieldGrid } from '../../forms/FieldGrid';
import { useFormState } from '../../forms/use-form-state';
import { formatCoin, formatSignedPct, formatUsd } from '../../format';
import { useCall } from '../../state/use-call';

// Sizes a short that hedges part of the coming production (docs/formulas.md "Hedge plan"). The form
// is checked on every keystroke with the contract's own schema; `hedge.plan` does the
// arithmetic and says in a sentence when it cannot (no rig mines that coin, no price).

type HedgePlan = ResultOf<'hedge.plan'>;

function hedgeFields(coins: readonly string[]): FieldSpec[] {
  return [
    { name: 'coin', label: 'Coin to hedge', kind: 'select', options: options(coins), span: 2 },
    { name: 'days', label: 'Days of production', kind: 'integer', unit: 'days', span: 2 },
    {
      name: 'hedgeRatio',
      label: 'Hedge ratio',
      kind: 'decimal',
      percent: 'fraction',
      guardFraction: true,
      percentRange: ['0', '100'],
      hint: '50 % hedges half.',
      span: 2,
    },
    { name: 'leverage', label: 'Leverage', kind: 'decimal', hint: '3 is 3×, up to 125×.', span: 3 },
    {
      name: 'maintenanceMarginRate',
      label: 'Maintenance margin rate',
      kind: 'decimal',
      percent: 'fraction',
      percentRange: ['0', '50'],
      hint: 'As the exchange lists it, e.g. 0.5 %.',
      span: 3,
    },
  ];
}

/** Rig coins first (those can be hedged), then the other priced coins. */
function hedgeableCoins(snapshot: Snapshot): string[] {
  const mined = [...new Set(snapshot.rigs.filter((r) => r.status === 'active').map((r) => r.coin))];
  const others = [...new Set([...snapshot.assetsInUse, ...Object.keys(snapshot.prices)])]
    .filter((coin) => !mined.includes(coin))
    .sort();
  return [...mined.sort(), ...others];
}

function PlanFigures({ plan }: { plan: HedgePlan }) {
  const noLiquidation = 'No liquidation price: the margin covers any rise.';
  const rows: [string, ReactNode][] = [
    ['Expected production', `${formatCoin(plan.expectedCoins, plan.coin)} over ${plan.days} days`],
    ['To hedge', formatCoin(plan.targetShortCoins, plan.coin)],
    ['Already short', formatCoin(plan.openShortCoins, plan.coin)],
    ['Entry (current price)', formatUsd(plan.entryPrice)],
    [
      'Liquidation price',
      <Figure key="lp" text={formatUsd(plan.liquidationPrice)} missing={noLiquidation} />,
    ],
    [
      'Rise to liquidation',
      <Figure
        key="rise"
        text={formatSignedPct(plan.risePctToLiquidation)}
        missing={noLiquidation}
      />,
    ],
    [
      'Funding carry a month',
      <Figure
        key="carry"
        text={formatUsd(plan.fundingCarryUsdPerMonth)}
        missing={plan.fundingNote ?? 'No funding rate is known for this coin.'}
        testId="hedge-funding-carry"
      />,
    ],
    [
      'Funding rate now',
      <Figure
        key="rate"
        text={
          plan.fundingRatePct === null
            ? formatSignedPct(null)
            : `${formatSignedPct(plan.fundingRatePct, 4)} (${plan.fundingSource ?? ''})`
        }
        missing={plan.fundingNote ?? 'No funding rate is known for this coin.'}
      />,
    ],
    ['Margin to post', formatUsd(plan.marginUsd)],
  ];
  return (
    <Box data-testid="hedge-result" sx={{ mt: 2 }}>
      <Typography variant="overline" color="text.secondary" component="div">
        Short {plan.coin} for {plan.days} days of production
      </Typography>
      <Typography variant="h5" component="div" data-testid="hedge-short-size">
        {plan.status === 'to-open'
          ? `Short ${formatCoin(plan.shortSize, plan.coin)}`
          : 'No further short'}
      </Typography>
      <Alert
        severity={plan.status === 'over-hedged' ? 'warning' : 'info'}
        role={plan.status === 'over-hedged' ? 'alert' : 'status'}
        data-testid="hedge-status"
        sx={{ mt: 1 }}
      >
        {plan.message}
      </Alert>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          columnGap: 2,
          rowGap: 0.5,
          m: 0,
          mt: 1,
          '& dt': { color: 'text.secondary' },
          '& dd': { m: 0, fontVariantNumeric: 'tabular-nums' },
        }}
      >
        {rows.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2">
              {label}
            </Typography>
            <Typography component="dd" variant="body2">
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

export function HedgePlanner({ snapshot }: { snapshot: Snapshot }) {
  const call = useCall();
  const coinList = hedgeableCoins(snapshot).join(',');
  const coins = useMemo(() => (coinList === '' ? [] : coinList.split(',')), [coinList]);
  const fields = useMemo(() => hedgeFields(coins), [coins]);
  const [initial] = useState<FormValues>(() => ({
    coin: coins[0] ?? '',
    days: '30',
    hedgeRatio: '50',
    leverage: '3',
    maintenanceMarginRate: '0.5',
  }));
  const form = useFormState(hedgePlanSchema, fields, initial);
  const [plan, setPlan] = useState<HedgePlan | null>(null);

  const submit = () =>
    void form.submit(async (params) => {
      setPlan(null);
      setPlan(await call('hedge.plan', params));
    });

  return (
    <Card data-testid="hedge-planner" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          Hedge planner
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Short part of the coins your rigs will mine, on an isolated position.
        </Typography>
        {coins.length === 0 ? (
          <Typography color="text.secondary">
            No coin to hedge yet: add a rig on the Rigs page.
          </Typography>
        ) : (
          <>
            <FieldGrid fields={fields} form={form} onSubmit={submit} />
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
              <Button variant="contained" onClick={submit} disabled={!form.valid || form.pending}>
                Plan hedge
              </Button>
            </Stack>
            {form.serverMessage && (
              <Alert severity="warning" sx={{ mt: 2 }} role="alert" data-testid="hedge-refusal">
                {form.serverMessage}
              </Alert>
            )}
            {plan && !form.serverMessage && <PlanFigures plan={plan} />}
          </>
        )}
      </CardContent>
    </Card>
  );
}
