import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { PositionView } from '#api/snapshot';
import type { Column } from '../../components/DataTable';
import { Figure } from '../../components/Figure';
import { OddsFigure } from '../../components/OddsFigure';
import { StatusChip } from '../../components/StatusChip';
import { byDecimal, byText } from '../../components/sorting';
import { formatCoin, formatLeverage, formatPct, formatSignedPct, formatUsd } from '../../format';

const NO_MARK = 'No mark price for this asset yet.';
const STATUS_ORDER = ['breached', 'danger', 'warning', 'check', 'unknown', 'safe'];

function Sub({ children }: { children: ReactNode }) {
  return (
    <Typography variant="caption" color="text.secondary" component="div">
      {children}
    </Typography>
  );
}

function noLiquidation(p: PositionView): string {
  return p.markPrice === null ? NO_MARK : 'No liquidation price: the margin covers any move.';
}

function liquidationNote(p: PositionView): string | null {
  if (p.liquidationDirection === null) return null;
  const way = p.liquidationDirection === 'fall' ? 'on a fall' : 'on a rise';
  return p.liquidationShared ? `${way}, shared by the hedge-mode legs` : way;
}

function pnlColor(value: string | null) {
  if (value === null || value === '0') return undefined;
  return value.startsWith('-') ? 'error' : 'success';
}

function PositionOdds({ position }: { position: PositionView }) {
  const odds = position.odds;
  if (odds === null || odds.days7.liquidationPct === null)
    return <Figure text="—" missing={odds === null ? NO_MARK : noLiquidation(position)} />;
  const horizon = (key: 'liquidationPct' | 'stopPct') => ({
    volatilityPct: odds.volatilityPct,
    volatilitySource: odds.volatilitySource,
    days1: odds.days1[key],
    days7: odds.days7[key],
    days30: odds.days30[key],
  });
  return (
    <>
      <OddsFigure label="liquidation" odds={horizon('liquidationPct')} testId="position-odds" />
      {odds.days7.stopPct !== null && (
        <OddsFigure label="stop" odds={horizon('stopPct')} secondary />
      )}
    </>
  );
}

export const positionColumns: Column<PositionView>[] = [
  {
    key: 'symbol',
    label: 'Position',
    wrapAt: 170,
    compare: byText((p) => `${p.exchange} ${p.symbol}`),
    render: (p) => (
      <>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {p.exchange} {p.symbol} {p.side} {formatLeverage(p.leverage)}
        </Typography>
        <Sub>
          {p.account} · {p.kind} · {p.marginMode}
          {p.liquidationShared && ' · hedge mode'}
        </Sub>
        {p.checkReason && (
          <Typography
            variant="caption"
            component="div"
            color="warning.main"
            sx={{ maxWidth: 320, whiteSpace: 'normal' }}
            data-testid={`check-${p.id}`}
          >
            {p.checkReason}
          </Typography>
        )}
      </>
    ),
  },
  {
    key: 'size',
    priority: 3,
    label: 'Size',
    align: 'right',
    compare: byDecimal((p) => p.notionalUsd),
    render: (p) => (
      <>
        {p.kind === 'inverse' ? formatUsd(p.size) : formatCoin(p.size, p.baseAsset)}
        <Sub>entry {formatUsd(p.entryPrice)}</Sub>
        <Sub>
          notional <Figure text={formatUsd(p.notionalUsd)} missing={NO_MARK} />
        </Sub>
      </>
    ),
  },
  {
    key: 'mark',
    priority: 4,
    label: 'Mark',
    align: 'right',
    compare: byDecimal((p) => p.markPrice),
    render: (p) => <Figure text={formatUsd(p.markPrice)} missing={NO_MARK} />,
  },
  {
    key: 'margin',
    priority: 3,
    label: 'Margin (ratio)',
    align: 'right',
    compare: byDecimal((p) => p.marginRatioPct),
    render: (p) => (
      <>
        <Figure text={formatUsd(p.marginUsd)} missing={NO_MARK} testId={`margin-${p.id}`} />
        <Sub>
          ratio{' '}
          <Figure
            text={formatPct(p.marginRatioPct)}
            missing="Needs a mark for every position of the wallet and a positive margin balance."
            testId={`margin-ratio-${p.id}`}
          />
          {p.marginMode === 'cross' && ' (wallet)'}
        </Sub>
      </>
    ),
  },
  {
    key: 'liquidation',
    priority: 2,
    label: 'Liquidation ours / exchange',
    align: 'right',
    compare: byDecimal((p) => p.liquidationPrice),
    render: (p) => (
      <>
        <Figure
          text={formatUsd(p.liquidationPrice)}
          missing={noLiquidation(p)}
          testId={`liquidation-${p.id}`}
        />
        {liquidationNote(p) && <Sub>{liquidationNote(p)}</Sub>}
        <Sub>
          exchange <Figure text={formatUsd(p.reportedLiquidationPrice)} missing="Not entered." />
          {p.reportedGapPct !== null && ` (gap ${formatPct(p.reportedGapPct)})`}
        </Sub>
      </>
    ),
  },
  {
    key: 'distance',
    label: 'Distance to liq.',
    align: 'right',
    compare: byDecimal((p) => p.distanceToLiquidationPct),
    render: (p) => (
      <Figure text={formatPct(p.distanceToLiquidationPct)} missing={noLiquidation(p)} />
    ),
  },
  {
    key: 'odds',
    label: 'Odds in 7 days',
    // Folds into the row's details before the distance and the status do.
    priority: 3,
    align: 'right',
    compare: byDecimal((p) => p.odds?.days7.liquidationPct ?? null),
    render: (p) => <PositionOdds position={p} />,
  },
  {
    key: 'stop',
    priority: 4,
    label: 'Stop distance / take profit',
    align: 'right',
    compare: byDecimal((p) => p.stopDistancePct),
    render: (p) => (
      <>
        <Figure
          text={formatPct(p.stopDistancePct)}
          missing={p.stopLoss ? NO_MARK : 'No stop loss set.'}
        />
        {p.stopLoss && <Sub>stop {formatUsd(p.stopLoss)}</Sub>}
        <Sub>
          TP <Figure text={formatUsd(p.takeProfit)} missing="No take profit set." />
        </Sub>
      </>
    ),
  },
  {
    key: 'upnl',
    priority: 2,
    label: 'uPnL (ROE)',
    align: 'right',
    compare: byDecimal((p) => p.unrealizedPnlUsd),
    render: (p) => (
      <>
        <Figure
          text={formatUsd(p.unrealizedPnlUsd)}
          missing={NO_MARK}
          tone={pnlColor(p.unrealizedPnlUsd)}
        />
        {p.kind === 'inverse' && p.unrealizedPnl !== null && (
          <Sub>{formatCoin(p.unrealizedPnl, p.baseAsset)}</Sub>
        )}
        <Sub>
          ROE{' '}
          <Figure text={formatSignedPct(p.roePct)} missing={NO_MARK} tone={pnlColor(p.roePct)} />
        </Sub>
      </>
    ),
  },
  {
    key: 'status',
    label: 'Status',
    compare: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    render: (p) => (
      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <StatusChip status={p.status} priceStale={p.priceStale} />
        {p.stopPastLiquidation && <StatusChip status="danger" label="Stop past liq." />}
        {p.priceStale && <StatusChip status="stale" />}
      </Stack>
    ),
  },
];
