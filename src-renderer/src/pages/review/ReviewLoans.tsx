import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableContainer from '@mui/material/TableContainer';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { LoanView, PriceEntry } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { StatusChip } from '../../components/StatusChip';
import { formatPct, formatUsd } from '../../format';
import { PriceOrigin } from './PriceOrigin';
import { compactCells } from './table-style';
import { formatCollateral } from '#shared/loan-text';

// Each loan as it stood on the review date: what was owed and how safe the collateral was.

const NO_PRICE = 'No price for the collateral asset at that date.';

function collateralAmount(loan: LoanView): string {
  return formatCollateral(loan.collateral);
}

export function ReviewLoans({
  loans,
  prices,
}: {
  loans: readonly LoanView[];
  prices: Record<string, PriceEntry>;
}) {
  if (loans.length === 0) {
    return <Typography color="text.secondary">No loans at that date.</Typography>;
  }
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Loans as of the review date" sx={compactCells}>
        <TableHead>
          <TableRow>
            <TableCell>Lender</TableCell>
            <TableCell align="right">Outstanding</TableCell>
            <TableCell align="right">Accrued interest</TableCell>
            <TableCell align="right">Collateral</TableCell>
            <TableCell align="right">LTV</TableCell>
            <TableCell>Health</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {loans.map((loan) => (
            <TableRow key={loan.id} data-testid={`review-loan-${loan.id}`}>
              <TableCell sx={{ minWidth: 200 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {loan.lender}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {formatUsd(loan.principal)} {loan.currency} at {formatPct(loan.aprPct)} APR
                </Typography>
              </TableCell>
              <TableCell align="right">
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {formatUsd(loan.outstanding)}
                </Typography>
                <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                  {formatUsd(loan.principalBalance)} principal
                </Typography>
              </TableCell>
              <TableCell align="right">{formatUsd(loan.accruedInterest)}</TableCell>
              <TableCell align="right">
                {collateralAmount(loan)}
                <Typography variant="caption" color="text.secondary" component="div">
                  <Figure text={formatUsd(loan.collateralValueUsd)} missing={NO_PRICE} />
                </Typography>
              </TableCell>
              <TableCell align="right">
                <Figure text={formatPct(loan.ltvPct)} missing={NO_PRICE} />
                <Typography
                  variant="caption"
                  color="text.secondary"
                  component="div"
                  sx={{ whiteSpace: 'nowrap' }}
                >
                  call at {formatPct(loan.marginCallLtvPct)}, liq.{' '}
                  {formatPct(loan.liquidationLtvPct)}
                </Typography>
                {loan.triggerAsset !== null && <PriceOrigin entry={prices[loan.triggerAsset]} />}
              </TableCell>
              <TableCell>
                <StatusChip status={loan.health} priceStale={loan.priceStale} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
