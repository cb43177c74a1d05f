import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { LoanView } from '#api/snapshot';
import { Figure } from '../../../components/Figure';
import { formatPct, formatUsd } from '../../../format';
import { StatusChange } from './StatusChange';
import { formatCollateral } from '#shared/loan-text';

/** One loan at the shocked prices: its health change, collateral price and LTV. */
export function LoanOutcome({ loan, now }: { loan: LoanView; now: string | undefined }) {
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
