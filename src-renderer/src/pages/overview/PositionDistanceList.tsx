import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PositionView } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { StatusChip, toneOf } from '../../components/StatusChip';
import { ThresholdBar } from '../../components/ThresholdBar';
import { formatLeverage, formatPct, formatUsd, toBarPercent } from '../../format';
import { useQuery } from '../../state/use-call';

// How far each position's mark is from its liquidation price. The bar spans 0–25 %
// distance, with the operator's critical and warning thresholds (Settings → Alert
// thresholds) marked once they are known.

const BAR_SPAN_PCT = '25';

interface PositionThresholds {
  positionWarningPct: string;
  positionCriticalPct: string;
}

function thresholdTicks(thresholds: PositionThresholds | undefined) {
  if (!thresholds) return [];
  return [
    {
      at: toBarPercent(thresholds.positionCriticalPct, BAR_SPAN_PCT),
      label: `Critical at ${formatPct(thresholds.positionCriticalPct)} distance`,
      color: 'error.main',
    },
    {
      at: toBarPercent(thresholds.positionWarningPct, BAR_SPAN_PCT),
      label: `Warning at ${formatPct(thresholds.positionWarningPct)} distance`,
      color: 'warning.main',
    },
  ];
}

function PositionDistance({
  position,
  thresholds,
}: {
  position: PositionView;
  thresholds: PositionThresholds | undefined;
}) {
  const tone = toneOf(position.status);
  const noLiq =
    position.liquidationPrice === null && position.markPrice !== null
      ? 'No liquidation price: the margin covers any move.'
      : 'No mark price for this asset yet.';
  return (
    <Stack data-testid={`position-distance-${position.id}`} sx={{ py: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography sx={{ fontWeight: 600, flexGrow: 1 }}>
          {position.exchange} {position.symbol} {position.side} {formatLeverage(position.leverage)}
        </Typography>
        {position.stopPastLiquidation && (
          <StatusChip status="danger" label="Stop past liquidation" />
        )}
        {position.priceStale && <StatusChip status="stale" label="Stale or disputed price" />}
        <StatusChip status={position.status} priceStale={position.priceStale} />
      </Stack>
      <ThresholdBar
        value={
          position.status === 'breached' || position.status === 'check'
            ? 0
            : toBarPercent(position.distanceToLiquidationPct, BAR_SPAN_PCT)
        }
        color={tone === 'default' ? 'inherit' : tone}
        label={`${position.symbol} distance to liquidation`}
        ticks={thresholdTicks(thresholds)}
      />
      <Typography variant="body2" color="text.secondary" component="div">
        <Figure text={formatPct(position.distanceToLiquidationPct)} missing={noLiq} /> to
        liquidation · mark{' '}
        <Figure text={formatUsd(position.markPrice)} missing="No mark price for this asset yet." />{' '}
        · liquidation <Figure text={formatUsd(position.liquidationPrice)} missing={noLiq} />
        {position.liquidationShared && ' (shared by the hedge-mode legs)'}
      </Typography>
      {position.checkReason && (
        <Typography variant="body2" color="warning.main">
          {position.checkReason}
        </Typography>
      )}
    </Stack>
  );
}

export function PositionDistanceList({ positions }: { positions: readonly PositionView[] }) {
  const settings = useQuery('settings.get', {});
  const thresholds = settings.result?.thresholds;
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          Positions
        </Typography>
        {positions.length === 0 ? (
          <Typography color="text.secondary">No open positions.</Typography>
        ) : (
          positions.map((position) => (
            <PositionDistance key={position.id} position={position} thresholds={thresholds} />
          ))
        )}
      </CardContent>
    </Card>
  );
}
