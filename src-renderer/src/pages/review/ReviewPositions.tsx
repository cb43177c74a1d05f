import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableContainer from '@mui/material/TableContainer';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { PositionView, PriceEntry } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { StatusChip } from '../../components/StatusChip';
import { formatCoin, formatLeverage, formatPct, formatUsd } from '../../format';
import { PriceOrigin } from './PriceOrigin';
import { compactCells } from './table-style';

// Open leveraged positions as of the review date, marked at that date's price.

const NO_MARK = 'No price for the base asset at that date.';

export function ReviewPositions({
  positions,
  prices,
}: {
  positions: readonly PositionView[];
  prices: Record<string, PriceEntry>;
}) {
  if (positions.length === 0) {
    return <Typography color="text.secondary">No open positions at that date.</Typography>;
  }
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Positions as of the review date" sx={compactCells}>
        <TableHead>
          <TableRow>
            <TableCell>Contract</TableCell>
            <TableCell align="right">Size</TableCell>
            <TableCell align="right">Entry</TableCell>
            <TableCell align="right">Mark</TableCell>
            <TableCell align="right">Liquidation</TableCell>
            <TableCell align="right">Unrealised PnL</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {positions.map((p) => (
            <TableRow key={p.id} data-testid={`review-position-${p.id}`}>
              <TableCell sx={{ minWidth: 170 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {p.symbol}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {p.side} {formatLeverage(p.leverage)}, {p.account} @ {p.exchange}
                </Typography>
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {p.kind === 'inverse' ? formatUsd(p.size) : formatCoin(p.size, p.baseAsset)}
              </TableCell>
              <TableCell align="right">{formatUsd(p.entryPrice)}</TableCell>
              <TableCell align="right">
                <Figure text={formatUsd(p.markPrice)} missing={NO_MARK} />
                <div>
                  <PriceOrigin entry={prices[p.baseAsset]} />
                </div>
              </TableCell>
              <TableCell align="right">
                <Figure
                  text={formatUsd(p.liquidationPrice)}
                  missing="Cannot be liquidated at this margin, or no mark price."
                />
                <Typography variant="caption" color="text.secondary" component="div">
                  <Figure text={formatPct(p.distanceToLiquidationPct)} missing={NO_MARK} /> away
                </Typography>
              </TableCell>
              <TableCell align="right">
                <Figure text={formatUsd(p.unrealizedPnlUsd)} missing={NO_MARK} />
              </TableCell>
              <TableCell>
                <StatusChip status={p.status} priceStale={p.priceStale} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
