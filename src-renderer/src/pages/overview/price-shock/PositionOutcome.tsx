import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PositionView } from '#api/snapshot';
import { Figure } from '../../../components/Figure';
import { formatLeverage, formatPct, formatUsd } from '../../../format';
import { StatusChange } from './StatusChange';

/** One position at the shocked prices: its status change, mark and liquidation. */
export function PositionOutcome({
  position,
  now,
}: {
  position: PositionView;
  now: string | undefined;
}) {
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
