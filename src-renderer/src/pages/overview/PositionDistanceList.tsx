import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PositionView } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { StatusChip, toneOf } from '../../components/StatusChip';
import { ThresholdBar } from '../../components/ThresholdBar';
import { formatLeverage, formatPct, formatUsd, toBarPercent } from '../../format';

// How far each position's mark is from its liquidation price. The bar spans 0–25 %
// distance, with the default critical (5 %) and warning (10 %) lines marked.

const BAR_SPAN_PCT = '25';

function PositionDistance({ position }: { position: PositionView }) {
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
        <StatusChip status={position.status} />
      </Stack>
      <ThresholdBar
        value={
          position.status === 'breached' || position.status === 'check'
            ? 0
            : toBarPercent(position.distanceToLiquidationPct, BAR_SPAN_PCT)
        }
        color={tone === 'default' ? 'inherit' : tone}
        label={`${position.symbol} distance to liquidation`}
        ticks={[
          { at: 20, label: 'Critical at 5 % distance (default threshold)', color: 'error.main' },
          { at: 40, label: 'Warning at 10 % distance (default threshold)', color: 'warning.main' },
        ]}
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
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          Positions
        </Typography>
        {positions.length === 0 ? (
          <Typography color="text.secondary">No open positions.</Typography>
        ) : (
          positions.map((position) => <PositionDistance key={position.id} position={position} />)
        )}
      </CardContent>
    </Card>
  );
}
