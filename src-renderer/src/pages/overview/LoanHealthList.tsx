import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { LoanView } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { StatusChip, toneOf } from '../../components/StatusChip';
import { ThresholdBar } from '../../components/ThresholdBar';
import { formatFactor, formatPct, formatUsd, toBarPercent } from '../../format';
import { formatCollateral } from '#shared/loan-text';

// Collateral health per loan: LTV on a bar that ends at the liquidation LTV, with the
// margin-call line marked.

const NO_PRICE = 'No price for the collateral asset yet.';

function LoanHealth({ loan }: { loan: LoanView }) {
  const tone = toneOf(loan.health);
  if (loan.health === 'unsecured') {
    return (
      <Stack data-testid={`loan-health-${loan.id}`} sx={{ py: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography sx={{ fontWeight: 600, flexGrow: 1 }}>
            {loan.lender} · {formatUsd(loan.outstanding)} unsecured
          </Typography>
          <StatusChip status={loan.health} />
        </Stack>
        <Typography variant="body2" color="text.secondary">
          No collateral: it counts as debt and its payments are watched, but it has no LTV, health
          factor or cure.
        </Typography>
      </Stack>
    );
  }
  return (
    <Stack data-testid={`loan-health-${loan.id}`} sx={{ py: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography sx={{ fontWeight: 600, flexGrow: 1 }}>
          {loan.lender} · {formatUsd(loan.outstanding)} on {formatCollateral(loan.collateral)}
        </Typography>
        {loan.priceStale && <StatusChip status="stale" label="Stale or disputed price" />}
        <StatusChip status={loan.health} priceStale={loan.priceStale} />
      </Stack>
      <ThresholdBar
        value={toBarPercent(loan.ltvPct, loan.liquidationLtvPct)}
        color={tone === 'default' ? 'inherit' : tone}
        label={`${loan.lender} LTV against its liquidation LTV`}
        ticks={[
          {
            at: toBarPercent(loan.marginCallLtvPct, loan.liquidationLtvPct),
            label: `Margin call at ${formatPct(loan.marginCallLtvPct)} LTV`,
            color: 'warning.main',
          },
        ]}
      />
      <Typography variant="body2" color="text.secondary" component="div">
        LTV <Figure text={formatPct(loan.ltvPct)} missing={NO_PRICE} /> · margin call{' '}
        {formatPct(loan.marginCallLtvPct)} at{' '}
        <Figure text={formatUsd(loan.marginCallPrice)} missing={NO_PRICE} /> · liquidation{' '}
        {formatPct(loan.liquidationLtvPct)} at{' '}
        <Figure text={formatUsd(loan.liquidationPrice)} missing={NO_PRICE} /> · health factor{' '}
        <Figure text={formatFactor(loan.healthFactor)} missing={NO_PRICE} />
      </Typography>
    </Stack>
  );
}

export function LoanHealthList({ loans }: { loans: readonly LoanView[] }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          Collateral health
        </Typography>
        {loans.length === 0 ? (
          <Typography color="text.secondary">No loans recorded.</Typography>
        ) : (
          loans.map((loan) => <LoanHealth key={loan.id} loan={loan} />)
        )}
      </CardContent>
    </Card>
  );
}
