import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { MonthlyPnlRow } from '#api/review';
import { Figure } from '../../components/Figure';
import { formatCount, formatDate, formatNumber, formatUsd } from '../../format';

// The month-by-month P&L the service computed, one row per calendar month. Revenue comes
// from the recorded revenue history, so each row says how much of its month that covers.

const NO_HISTORY =
  'No revenue was recorded in this month (RigLedger was not running, or the month is before the first record).';

function Coverage({ row }: { row: MonthlyPnlRow }) {
  const covered = `${formatNumber(row.revenueCoverageDays, 2)} of ${formatCount(row.days)} d`;
  switch (row.revenueHistory) {
    case 'full':
      return <Typography variant="body2">full ({covered})</Typography>;
    case 'partial':
      return (
        <Tooltip
          title={`Revenue counts only the ${covered} with recorded history; the rest of the month is not included.`}
          describeChild
        >
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            label={`partial: ${covered}`}
            tabIndex={0}
          />
        </Tooltip>
      );
    case 'none':
      return (
        <Tooltip title={NO_HISTORY} describeChild>
          <Chip size="small" variant="outlined" label="no history" tabIndex={0} />
        </Tooltip>
      );
  }
}

const money = { fontVariantNumeric: 'tabular-nums' } as const;

export function MonthlyPnlTable({ months }: { months: readonly MonthlyPnlRow[] }) {
  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" aria-label="Monthly profit and loss">
          <TableHead>
            <TableRow>
              <TableCell>Month</TableCell>
              <TableCell align="right">Mining revenue (USD)</TableCell>
              <TableCell>Revenue history</TableCell>
              <TableCell align="right">Power cost (USD)</TableCell>
              <TableCell align="right">Loan interest (USD)</TableCell>
              <TableCell align="right">Realised PnL (USD)</TableCell>
              <TableCell align="right">of which funding</TableCell>
              <TableCell align="right">Net (USD)</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {months.map((row) => (
              <TableRow key={row.month} data-testid={`review-month-${row.month}`} hover>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {row.month}
                  </Typography>
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    sx={{ whiteSpace: 'nowrap' }}
                  >
                    {formatDate(row.from)} – {formatDate(row.to)} ({formatCount(row.days)} d)
                  </Typography>
                </TableCell>
                <TableCell align="right" sx={money}>
                  <Figure text={formatUsd(row.miningRevenueUsd)} missing={NO_HISTORY} />
                </TableCell>
                <TableCell>
                  <Coverage row={row} />
                </TableCell>
                <TableCell align="right" sx={money}>
                  {formatUsd(row.powerCostUsd)}
                </TableCell>
                <TableCell align="right" sx={money}>
                  {formatUsd(row.loanInterestUsd)}
                </TableCell>
                <TableCell align="right" sx={money}>
                  {formatUsd(row.realisedPnlUsd)}
                </TableCell>
                <TableCell align="right" sx={money} data-testid={`funding-${row.month}`}>
                  {formatUsd(row.fundingUsd)}
                </TableCell>
                <TableCell align="right" sx={[money, { fontWeight: 600 }]}>
                  <Figure
                    text={formatUsd(row.netUsd)}
                    missing="Unknown: the month’s mining revenue has no recorded history."
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ p: 1.5 }}>
        Net = mining revenue − power cost − loan interest + realised PnL; realised PnL includes the
        funding perpetual positions received (+) or paid (−). Power cost covers the same hours as
        the recorded revenue, as the farm was then; a month without history counts the rigs as
        configured today, each from its purchase or entry day. Loan interest is what accrued in the
        month, paid or not.
      </Typography>
    </Paper>
  );
}
